package com.parla.api.shopping;

import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.customer.boundary.CustomerRef;
import com.parla.customer.boundary.Customers;
import com.parla.dialogue.boundary.Handoffs;
import com.parla.order.boundary.OfferView;
import com.parla.order.boundary.OrderDesk;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * BUY-code offers, made by a personal shopper (or a CRM) for one customer: one size of a product at a price, until
 * it expires. The code is sent to the customer in the chat when their service window is open; otherwise the
 * answer says it was not sent (an approved template would carry it).
 */
@Path("stores/{store}/offers")
@Authenticated
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OffersResource {

    /** The longest an offer may run. */
    static final Duration MAX_VALIDITY = Duration.ofDays(90);

    @EJB
    StoreDirectory stores;

    @EJB
    Customers customers;

    @EJB
    CatalogSearch catalog;

    @EJB
    OrderDesk orders;

    @EJB
    Handoffs handoffs;

    @Context
    ContainerRequestContext request;

    /**
     * @param customerId        the customer, by Parla's id; or
     * @param customerReference by the store's own reference
     * @param sku               the variant's SKU (a size of a product)
     * @param validHours        how long it runs (1 hour to 90 days); 72 when not given
     * @param send              whether to send it in the chat now (default true)
     */
    public record NewOffer(Long customerId, String customerReference, String sku, BigDecimal price,
                           Integer validHours, Boolean send) {
    }

    public record Created(String code, String product, String size, BigDecimal price, String currency,
                          Instant expiresAt, boolean sent, Long conversationId, String note) {
    }

    @POST
    public Response create(@PathParam("store") String slug, NewOffer offer) {
        ApiCaller caller = ApiCaller.of(request);
        StoreRef store = caller.store(stores, slug);
        if (offer == null || offer.sku() == null || offer.price() == null) {
            throw new BadRequestException("sku and price are required");
        }
        if (offer.price().signum() < 0 || offer.price().scale() > 2) {
            throw new BadRequestException("price must be zero or more, with at most two decimals");
        }
        Duration validity = Duration.ofHours(offer.validHours() == null ? 72 : offer.validHours());
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new BadRequestException("validHours must be between 1 and " + MAX_VALIDITY.toHours());
        }
        CustomerRef customer = customer(store, offer)
                .orElseThrow(() -> new BadRequestException("no such customer in store " + slug));
        ProductSummary.Size size = variant(store, offer.sku())
                .orElseThrow(() -> new BadRequestException("no size " + offer.sku() + " in store " + slug));
        OfferView made = orders.createOffer(store.id(), customer.id(), size.variantId(), offer.price(),
                Instant.now().plus(validity), caller.name());
        Optional<Long> sentTo = Boolean.FALSE.equals(offer.send()) ? Optional.empty()
                : handoffs.sendOffer(store.id(), customer.id(), made);
        String note = sentTo.isPresent() ? "sent in the chat"
                : Boolean.FALSE.equals(offer.send()) ? "not sent, as asked"
                : "not sent: no conversation of the customer is inside its service window (a template would be needed)";
        return Response.status(Response.Status.CREATED).entity(new Created(made.code(), made.productName(),
                made.size(), made.price(), made.currency(), made.expiresAt(), sentTo.isPresent(),
                sentTo.orElse(null), note)).build();
    }

    private Optional<CustomerRef> customer(StoreRef store, NewOffer offer) {
        if (offer.customerId() != null) {
            return customers.find(store.id(), offer.customerId());
        }
        if (offer.customerReference() != null && !offer.customerReference().isBlank()) {
            return customers.byReference(store.id(), offer.customerReference());
        }
        throw new BadRequestException("customerId or customerReference is required");
    }

    private Optional<ProductSummary.Size> variant(StoreRef store, String variantSku) {
        int dash = variantSku.lastIndexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        return catalog.productBySku(store.id(), variantSku.substring(0, dash))
                .flatMap(p -> p.sizes().stream().filter(s -> s.sku().equals(variantSku)).findFirst());
    }
}
