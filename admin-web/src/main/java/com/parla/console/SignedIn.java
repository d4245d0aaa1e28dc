package com.parla.console;

import com.parla.store.boundary.StoreDirectory;
import com.parla.store.entity.StaffMember;
import com.parla.store.entity.Store;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The person signed in to the console, and the stores they work for (the tenancy of every page). */
@Named
@RequestScoped
public class SignedIn {

    @Inject
    SecurityContext securityContext;

    @EJB
    StoreDirectory directory;

    private StaffMember staff;
    private List<Store> stores;

    public StaffMember getStaff() {
        if (staff == null) {
            staff = directory.staffMember(securityContext.getCallerPrincipal().getName()).orElseThrow();
        }
        return staff;
    }

    public List<Store> getStores() {
        if (stores == null) {
            stores = directory.storesVisibleTo(getStaff().getEmail());
        }
        return stores;
    }

    public Set<Long> storeIds() {
        return getStores().stream().map(Store::getId).collect(Collectors.toSet());
    }

    /** "Merchant admin", "Personal shopper"...: the role in the console's words. */
    public String getRoleKey() {
        return "role." + getStaff().getRole().name();
    }
}
