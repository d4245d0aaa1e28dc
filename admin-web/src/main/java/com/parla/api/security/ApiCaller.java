package com.parla.api.security;

import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;

/**
 * Who is calling the API and which stores they may act for: a staff member the stores their role shows them, an
 * API token its own store only.
 *
 * @param name    a staff member's email, or "token:" and the token's name
 * @param manages whether they may change the store itself and its catalog: an admin, or the store's own systems
 *                (its API token); a personal shopper sells, and reads what they sell from
 */
public record ApiCaller(String name, Set<Long> storeIds, boolean manages) {

    static final String PROPERTY = ApiCaller.class.getName();

    public static ApiCaller of(ContainerRequestContext request) {
        return (ApiCaller) request.getProperty(PROPERTY);
    }

    /** The store, if the caller may act for it: 404 if there is none, 403 if it is another's. */
    public StoreRef store(StoreDirectory stores, String slug) {
        StoreRef store = stores.storeRef(slug).orElseThrow(() -> new NotFoundException("No store " + slug));
        if (!storeIds.contains(store.id())) {
            throw new ForbiddenException("Not allowed for store " + slug);
        }
        return store;
    }

    /** The store, if the caller may change it (403 for a personal shopper). */
    public StoreRef managedStore(StoreDirectory stores, String slug) {
        StoreRef store = store(stores, slug);
        if (!manages) {
            throw new ForbiddenException("Changing store " + slug + " needs a merchant admin or the store's API token");
        }
        return store;
    }
}
