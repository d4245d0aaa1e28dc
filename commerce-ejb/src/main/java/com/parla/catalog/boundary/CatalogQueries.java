package com.parla.catalog.boundary;

import com.parla.catalog.entity.Product;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads of a store's catalog. Products come with their variants loaded, ready for views outside a transaction. */
@Stateless
public class CatalogQueries {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    StoreDirectory stores;

    public Optional<Product> product(String storeSlug, String sku) {
        return stores.storeRef(storeSlug).flatMap(store -> em.createNamedQuery(Product.BY_SKU, Product.class)
                .setParameter("storeId", store.id()).setParameter("sku", sku)
                .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(Product.WITH_VARIANTS))
                .getResultStream().findFirst());
    }

    public List<Product> productsOf(long storeId) {
        return em.createNamedQuery(Product.OF_STORE, Product.class)
                .setParameter("storeId", storeId)
                .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(Product.WITH_VARIANTS))
                .getResultList();
    }
}
