package com.parla.console;

import com.parla.catalog.boundary.CatalogQueries;
import com.parla.catalog.entity.Product;
import com.parla.store.entity.StaffMember;
import com.parla.store.entity.Store;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The console's home: who is signed in, the stores they may see, and the selected store's catalog. */
@Named
@RequestScoped
public class ConsoleView {

    @Inject
    SignedIn signedIn;

    @EJB
    CatalogQueries catalog;

    private String storeSlug;
    private StaffMember staff;
    private List<Store> stores = List.of();
    private Store store;
    private List<Product> products = List.of();

    @PostConstruct
    void init() {
        staff = signedIn.getStaff();
        stores = signedIn.getStores();
    }

    /** Selects the store named by the view parameter, if this user may see it; else their first store. */
    public void load() {
        store = stores.stream().filter(s -> s.getSlug().equals(storeSlug)).findFirst()
                .orElse(stores.isEmpty() ? null : stores.get(0));
        products = store == null ? List.of() : catalog.productsOf(store.getId());
    }

    public String getStoreSlug() {
        return storeSlug;
    }

    public void setStoreSlug(String storeSlug) {
        this.storeSlug = storeSlug;
    }

    public StaffMember getStaff() {
        return staff;
    }

    public List<Store> getStores() {
        return stores;
    }

    public Store getStore() {
        return store;
    }

    public List<Product> getProducts() {
        return products;
    }
}
