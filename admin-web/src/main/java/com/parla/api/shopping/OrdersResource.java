package com.parla.api.shopping;

import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.delivery.boundary.Deliveries;
import com.parla.delivery.boundary.ShipmentView;
import com.parla.delivery.boundary.SlotView;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.OrderView;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** A store's orders, by their reference; another store's order is not found. */
@Path("stores/{store}/orders/{reference}")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @EJB
    StoreDirectory stores;

    @EJB
    OrderDesk orders;

    @EJB
    Deliveries deliveries;

    @Context
    ContainerRequestContext request;

    /** The order without its payment token: the API never hands out a payment link's key. */
    public record Order(String reference, String status, String paymentMethod, java.math.BigDecimal total,
                        String currency, String deliveryAddress, java.time.LocalDate deliveryDate,
                        java.time.Instant createdAt, java.time.Instant paidAt, java.util.List<OrderView.Line> lines,
                        String discountCode, java.math.BigDecimal discount, Integer rating) {
    }

    /** An order's delivery: status, window, ETA, timeline, and the links of the tracking page and the courier's view. */
    public record Shipment(String order, String status, String carrier, SlotView slot, java.time.Instant eta,
                           String trackingUrl, String courierUrl, java.util.List<ShipmentView.Step> steps) {
    }

    @GET
    @Path("shipment")
    public Shipment shipment(@PathParam("store") String slug, @PathParam("reference") String reference) {
        long store = ApiCaller.of(request).store(stores, slug).id();
        ShipmentView s = deliveries.ofOrder(store, reference)
                .orElseThrow(() -> new NotFoundException("No shipment of order " + reference));
        return new Shipment(s.orderReference(), s.status(), s.carrier(), s.slot(), s.eta(),
                deliveries.trackingUrl(s), deliveries.courierUrl(s), s.steps());
    }

    @GET
    public Order order(@PathParam("store") String slug, @PathParam("reference") String reference) {
        long store = ApiCaller.of(request).store(stores, slug).id();
        OrderView o = orders.order(store, reference).orElseThrow(() -> new NotFoundException("No order " + reference));
        return new Order(o.reference(), o.status(), o.paymentMethod(), o.total(), o.currency(), o.deliveryAddress(),
                o.deliveryDate(), o.createdAt(), o.paidAt(), o.lines(), o.discountCode(), o.discount(), o.rating());
    }
}
