package com.parla.catalog.boundary;

import com.parla.catalog.entity.Product;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Keeps the search index in step with the catalog: changes are indexed as they commit (Hibernate Search); at start,
 * an index that does not hold every product (a new server, a lost index directory, products from before search) is
 * rebuilt from the database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class CatalogIndex {

    private static final Logger LOG = Logger.getLogger(CatalogIndex.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @PostConstruct
    void checkOnStart() {
        SearchSession search = Search.session(em);
        long indexed = search.search(Product.class).where(f -> f.matchAll()).fetchTotalHitCount();
        long products = em.createQuery("select count(p) from Product p", Long.class).getSingleResult();
        if (indexed != products) {
            long start = System.nanoTime();
            search.workspace(Product.class).purge();
            List<Product> all = em.createQuery("select p from Product p", Product.class).getResultList();
            all.forEach(search.indexingPlan()::addOrUpdate);
            LOG.info(() -> String.format("Catalog search index rebuilt: %d products (it held %d) in %d ms", products,
                    indexed, (System.nanoTime() - start) / 1_000_000));
        }
    }
}
