package com.parla.catalog.boundary;

import com.parla.catalog.entity.Product;
import com.parla.catalog.entity.ProductVariant;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Changes to a store's catalog, from integration feeds and the console. Every call is one transaction. */
@Stateless
public class CatalogUpdates {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    StoreDirectory stores;

    @Inject
    Validator validator;

    @Resource
    SessionContext context;

    public Product upsert(ProductUpsert upsert) {
        check(upsert);
        return apply(upsert);
    }

    private Product apply(ProductUpsert upsert) {
        StoreRef store = store(upsert.store());
        if (!store.currency().equals(upsert.currency())) {
            throw new CatalogDataException("store " + store.slug() + " sells in " + store.currency()
                    + ", not " + upsert.currency());
        }
        Optional<Product> existing = find(store, upsert.sku());
        Product product = existing.orElseGet(() -> new Product(store.id(), upsert.sku()));
        product.describe(upsert.name(), upsert.description() == null ? "" : upsert.description(),
                upsert.category(), upsert.price(), upsert.currency(), upsert.imagePath());
        upsert.variants().forEach(v -> product.putVariant(v.sku(), v.size(), v.color(), v.stock()));
        if (existing.isEmpty()) {
            em.persist(product); // identity ids: persisting inserts at once, so only when complete
        }
        return product;
    }

    /** All or nothing: if one product fails (here or in the database), none of the batch is kept. */
    public int importProducts(List<ProductUpsert> batch) {
        batch.forEach(this::check); // every product before any is written
        try {
            batch.forEach(this::apply);
        } catch (CatalogDataException e) {
            context.setRollbackOnly(); // earlier products of the batch are already written
            throw e;
        }
        em.flush(); // database constraints (a variant SKU used twice, say) fail here, inside the call
        return batch.size();
    }

    public ProductVariant setStock(StockChange change) {
        check(change);
        StoreRef store = store(change.store());
        ProductVariant variant = em.createNamedQuery(ProductVariant.BY_SKU, ProductVariant.class)
                .setParameter("storeId", store.id()).setParameter("sku", change.sku())
                .getResultStream().findFirst()
                .orElseThrow(() -> new UnknownVariantException(change.store(), change.sku()));
        variant.setStock(change.stock());
        return variant;
    }

    /** Takes the product off sale; an unknown product is already off sale. */
    public void remove(ProductRemoval removal) {
        check(removal);
        find(store(removal.store()), removal.sku()).ifPresent(Product::deactivate);
    }

    private Optional<Product> find(StoreRef store, String sku) {
        return em.createNamedQuery(Product.BY_SKU, Product.class)
                .setParameter("storeId", store.id()).setParameter("sku", sku)
                .getResultStream().findFirst();
    }

    private StoreRef store(String slug) {
        return stores.storeRef(slug).orElseThrow(() -> new CatalogDataException("unknown store " + slug));
    }

    private void check(Object change) {
        Set<ConstraintViolation<Object>> violations = validator.validate(change);
        if (!violations.isEmpty()) {
            throw new CatalogDataException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
    }
}
