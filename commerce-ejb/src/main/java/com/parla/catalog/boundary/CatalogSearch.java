package com.parla.catalog.boundary;

import com.parla.catalog.entity.Product;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.mapper.orm.Search;

/**
 * What a customer finds in a store's catalog, in the store's language: full-text search (synonyms, stems, a typo
 * forgiven), categories, similar products. Only the store's active products, whatever is asked.
 */
@Stateless
public class CatalogSearch {

    /** The most a search returns: what a channel's list can show. */
    public static final int MAX_RESULTS = 10;
    /** A hit is shown if it scores at least this share of the best one. */
    static final float RELEVANT_SHARE = 0.4f;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /** @param language "en" or "it": whose analysis reads the text (another language is read as English) */
    public List<ProductSummary> search(long storeId, String language, String text, int max) {
        String suffix = "it".equals(language) ? "_it" : "_en";
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String query = text.length() > 500 ? text.substring(0, 500) : text;
        String typed = typoCandidates(query);
        List<List<?>> hits = Search.session(em).search(Product.class)
                .select(f -> f.composite(f.entity(), f.score()))
                .where(f -> {
                    var words = f.bool()
                            .should(f.match().field("name" + suffix).matching(query).boost(3f))
                            .should(f.match().field("category" + suffix).matching(query).boost(2f))
                            .should(f.match().field("description" + suffix).matching(query));
                    if (!typed.isEmpty()) { // a typo forgiven, worth less than the word itself
                        words.should(f.match().field("name" + suffix).matching(typed).fuzzy(1, 2).boost(1.5f))
                                .should(f.match().field("description" + suffix).matching(typed).fuzzy(1, 2)
                                        .boost(0.5f));
                    }
                    return f.bool().filter(f.match().field("storeId").matching(storeId))
                            .filter(f.match().field("active").matching(true)).must(words);
                })
                .fetchHits(Math.min(max, MAX_RESULTS));
        if (hits.isEmpty()) {
            return List.of();
        }
        // what scores far below the best match only shares a word with the request ("flat" sandals for "ballet
        // flats"): a shopper is shown what they asked for
        float best = (Float) hits.get(0).get(1);
        return hits.stream().filter(h -> (Float) h.get(1) >= RELEVANT_SHARE * best)
                .map(h -> ProductSummary.of((Product) h.get(0))).toList();
    }

    /**
     * The words long enough to be misspelt rather than different: a typo in "snekers" is forgiven, but "1" must not
     * find "10 cm", nor "bat" a "bag".
     */
    static String typoCandidates(String query) {
        StringBuilder words = new StringBuilder();
        for (String word : query.split("[^\\p{L}]+")) {
            if (word.length() >= 5) {
                words.append(word).append(' ');
            }
        }
        return words.toString().strip();
    }

    /** The store's categories with something in stock, in alphabetical order. */
    public List<String> categories(long storeId) {
        return em.createQuery("select distinct p.category from Product p join p.variants v where p.storeId = :store"
                        + " and p.active = true and v.stock > 0 order by p.category", String.class)
                .setParameter("store", storeId).getResultList();
    }

    public List<ProductSummary> inCategory(long storeId, String category, int max) {
        return em.createQuery("select distinct p from Product p join fetch p.variants where p.storeId = :store"
                        + " and p.active = true and p.category = :category order by p.name", Product.class)
                .setParameter("store", storeId).setParameter("category", category)
                .getResultStream().limit(Math.min(max, MAX_RESULTS)).map(ProductSummary::of).toList();
    }

    /** Products like that one with the size in stock (another size, or the same category), for a sold-out wish. */
    public List<ProductSummary> similar(long storeId, long productId, String size, int max) {
        Optional<ProductSummary> product = product(storeId, productId);
        if (product.isEmpty()) {
            return List.of();
        }
        return inCategory(storeId, product.get().category(), MAX_RESULTS).stream()
                .filter(p -> p.id() != productId)
                .filter(p -> size == null ? !p.sizesInStock().isEmpty() : p.size(size).filter(
                        ProductSummary.Size::inStock).isPresent())
                .limit(max).toList();
    }

    /** The product, if it is the store's: another store's product is never found. */
    public Optional<ProductSummary> product(long storeId, long productId) {
        return Optional.ofNullable(em.find(Product.class, productId))
                .filter(p -> p.getStoreId() == storeId && p.isActive()).map(ProductSummary::of);
    }

    public Optional<ProductSummary> productBySku(long storeId, String sku) {
        return em.createNamedQuery(Product.BY_SKU, Product.class).setParameter("storeId", storeId)
                .setParameter("sku", sku).getResultStream().filter(Product::isActive).findFirst()
                .map(ProductSummary::of);
    }

    /** The product of one size, by the size's SKU (a channel catalog's retailer id), if it is the store's and on sale. */
    public Optional<ProductSummary> productOfVariantSku(long storeId, String variantSku) {
        return em.createNamedQuery(com.parla.catalog.entity.ProductVariant.BY_SKU,
                        com.parla.catalog.entity.ProductVariant.class).setParameter("storeId", storeId)
                .setParameter("sku", variantSku).getResultStream().findFirst()
                .map(com.parla.catalog.entity.ProductVariant::getProduct).filter(Product::isActive)
                .map(ProductSummary::of);
    }

    /** The product a variant belongs to, if it is the store's. */
    public Optional<ProductSummary> productOfVariant(long storeId, long variantId) {
        return Optional.ofNullable(em.find(com.parla.catalog.entity.ProductVariant.class, variantId))
                .map(com.parla.catalog.entity.ProductVariant::getProduct)
                .filter(p -> p.getStoreId() == storeId).map(ProductSummary::of);
    }
}
