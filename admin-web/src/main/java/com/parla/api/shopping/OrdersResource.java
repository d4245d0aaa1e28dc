package com.parla.api.shopping;

import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
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

    @Context
    ContainerRequestContext request;

    /** The order without its payment token: the API never hands out a payment link's key. */
    public record Order(String reference, String status, String paymentMethod, java.math.BigDecimal total,
                        String currency, String deliveryAddress, java.time.LocalDate deliveryDate,
                        java.time.Instant createdAt, java.time.Instant paidAt, java.util.List<OrderView.Line> lines,
                        String discountCode, java.math.BigDecimal discount, Integer rating) {
    }

    @GET
    public Order order(@PathParam("store") String slug, @PathParam("reference") String reference) {
        long store = ApiCaller.of(request).store(stores, slug).id();
        OrderView o = orders.order(store, reference).orElseThrow(() -> new NotFoundException("No order " + reference));
        return new Order(o.reference(), o.status(), o.paymentMethod(), o.total(), o.currency(), o.deliveryAddress(),
                o.deliveryDate(), o.createdAt(), o.paidAt(), o.lines(), o.discountCode(), o.discount(), o.rating());
    }
}
