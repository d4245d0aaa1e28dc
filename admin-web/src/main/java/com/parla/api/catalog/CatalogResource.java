package com.parla.api.catalog;

import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.catalog.boundary.CatalogDataException;
import com.parla.catalog.boundary.CatalogQueries;
import com.parla.catalog.boundary.CatalogUpdates;
import com.parla.catalog.boundary.ProductRemoval;
import com.parla.catalog.boundary.ProductUpsert;
import com.parla.catalog.boundary.StockChange;
import com.parla.catalog.boundary.UnknownVariantException;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A store's catalog: read by anyone (customer pages, the web chat), written by the store's admins and systems with
 * the same checks as the catalog feed; a change is searchable in the chat once it is committed.
 */
@Path("stores/{store}/products")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Catalog", description = "Products, sizes and stock")
public class CatalogResource {

    @EJB
    CatalogQueries catalog;

    @EJB
    CatalogUpdates updates;

    @EJB
    StoreDirectory directory;

    @Context
    ContainerRequestContext request;

    /** A product as a caller states it; the store's currency when none is given. */
    public record ProductInput(String name, String description, String category, BigDecimal price, String currency,
                               String imagePath, List<ProductUpsert.VariantUpsert> variants) {
    }

    public record StockInput(Integer stock) {
    }

    @GET
    @Operation(summary = "The store's products on sale")
    public List<ProductView> products(@PathParam("store") String storeSlug) {
        var store = directory.store(storeSlug).orElseThrow(() -> new NotFoundException("No store " + storeSlug));
        return catalog.productsOf(store.getId()).stream().filter(p -> p.isActive()).map(ProductView::of).toList();
    }

    @GET
    @Path("{sku}")
    @Operation(summary = "One product, with its sizes and stock")
    public ProductView product(@PathParam("store") String storeSlug, @PathParam("sku") String sku) {
        return catalog.product(storeSlug, sku).map(ProductView::of)
                .orElseThrow(() -> new NotFoundException("No product " + sku + " in store " + storeSlug));
    }

    @PUT
    @Path("{sku}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates or replaces a product and its sizes",
            description = "Checked as the catalog feed checks it; one invalid field changes nothing.")
    @APIResponse(responseCode = "400", description = "Invalid product data, with the reasons")
    public ProductView put(@PathParam("store") String slug, @PathParam("sku") String sku, ProductInput input) {
        StoreRef store = ApiCaller.of(request).managedStore(directory, slug);
        if (input == null) {
            throw new BadRequestException("a JSON product is needed");
        }
        ProductUpsert upsert = new ProductUpsert(store.slug(), sku, input.name(), input.description(),
                input.category(), input.price(), input.currency() == null ? store.currency() : input.currency(),
                input.imagePath(), input.variants() == null ? List.of() : input.variants());
        checked(() -> updates.upsert(upsert));
        return product(slug, sku);
    }

    @PUT
    @Path("{sku}/variants/{variant}/stock")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the stock of one size")
    public ProductView stock(@PathParam("store") String slug, @PathParam("sku") String sku,
                             @PathParam("variant") String variant, StockInput input) {
        StoreRef store = ApiCaller.of(request).managedStore(directory, slug);
        ProductView product = product(slug, sku);
        if (product.variants().stream().noneMatch(v -> v.sku().equals(variant))) {
            throw new NotFoundException("No size " + variant + " of product " + sku);
        }
        checked(() -> updates.setStock(new StockChange(store.slug(), variant, input == null ? null : input.stock())));
        return product(slug, sku);
    }

    @DELETE
    @Path("{sku}")
    @Authenticated
    @Operation(summary = "Takes a product off sale", description = "Orders of it stay as they are.")
    public void remove(@PathParam("store") String slug, @PathParam("sku") String sku) {
        StoreRef store = ApiCaller.of(request).managedStore(directory, slug);
        product(slug, sku);
        checked(() -> {
            updates.remove(new ProductRemoval(store.slug(), sku));
            return null;
        });
    }

    private static <T> T checked(Supplier<T> change) {
        try {
            return change.get();
        } catch (CatalogDataException e) {
            throw new BadRequestException(e.getMessage());
        } catch (UnknownVariantException e) {
            throw new NotFoundException(e.getMessage());
        } catch (EJBException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().contains("ConstraintViolation")) {
                    throw new jakarta.ws.rs.ClientErrorException("a size SKU of this product belongs to another"
                            + " product of the store", jakarta.ws.rs.core.Response.Status.CONFLICT);
                }
            }
            throw e;
        }
    }
}
