package com.parla.api.catalog;

import com.parla.catalog.boundary.CatalogQueries;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A store's public catalog: what customer pages and the web chat show. */
@Path("stores/{store}/products")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CatalogResource {

    @EJB
    CatalogQueries catalog;

    @EJB
    StoreDirectory directory;

    @GET
    public List<ProductView> products(@PathParam("store") String storeSlug) {
        var store = directory.store(storeSlug).orElseThrow(() -> new NotFoundException("No store " + storeSlug));
        return catalog.productsOf(store.getId()).stream().filter(p -> p.isActive()).map(ProductView::of).toList();
    }

    @GET
    @Path("{sku}")
    public ProductView product(@PathParam("store") String storeSlug, @PathParam("sku") String sku) {
        return catalog.product(storeSlug, sku).map(ProductView::of)
                .orElseThrow(() -> new NotFoundException("No product " + sku + " in store " + storeSlug));
    }
}
