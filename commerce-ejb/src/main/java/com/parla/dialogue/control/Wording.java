package com.parla.dialogue.control;

import com.parla.dialogue.entity.StoreWording;
import com.parla.platform.boundary.TransactionCache;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.stream.Collectors;

/** The bot's texts of one store: its own wording over the shipped bundle, read once per transaction. */
public final class Wording {

    private final EntityManager em;

    public Wording(EntityManager em) {
        this.em = em;
    }

    public Texts texts(long storeId, String language) {
        String spoken = Texts.speaks(language) ? language : Texts.FALLBACK;
        Map<String, String> own = TransactionCache.get(new Key(storeId, spoken), () -> em.createNamedQuery(
                        StoreWording.OF_STORE, StoreWording.class).setParameter("store", storeId)
                .setParameter("language", spoken).getResultStream()
                .collect(Collectors.toMap(StoreWording::getKey, StoreWording::getText)));
        return Texts.of(spoken, own);
    }

    /** The store's wording in that language changed in this transaction: read it anew. */
    public static void changed(long storeId, String language) {
        TransactionCache.evict(new Key(storeId, language));
    }

    private record Key(long storeId, String language) {
    }
}
