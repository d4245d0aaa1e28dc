package com.parla.store.boundary;

import com.parla.store.entity.Store;
import java.io.Serializable;

/** A store as other components need it: they keep its id, never a reference to the store's entity. */
public record StoreRef(long id, String slug, String name, String currency, String defaultLanguage)
        implements Serializable {

    static StoreRef of(Store store) {
        return new StoreRef(store.getId(), store.getSlug(), store.getName(), store.getCurrency(),
                store.getDefaultLanguage());
    }
}
