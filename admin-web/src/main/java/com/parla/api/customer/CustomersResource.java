package com.parla.api.customer;

import com.parla.api.BusinessRefusals;
import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.conversation.boundary.Conversations;
import com.parla.customer.boundary.CustomerRef;
import com.parla.customer.boundary.Customers;
import com.parla.customer.boundary.IdentityLinks;
import com.parla.customer.boundary.NewCustomer;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A store's customers: registered by its CRM or staff, read with the apps they chat from, and joined when staff
 * know two records are one person (customers join their own apps with a LINK code in the chat).
 */
@Path("stores/{store}/customers")
@Authenticated
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customers, their channel identities and consent")
public class CustomersResource {

    @EJB
    StoreDirectory stores;

    @EJB
    Customers customers;

    @EJB
    IdentityLinks links;

    @EJB
    Conversations conversations;

    @Context
    ContainerRequestContext request;

    /** An app a customer chats from. */
    public record Identity(String channel, String account, Instant lastMessageAt) {
    }

    /** A customer as the API shows them; the stored account's reference is the merchant's own. */
    public record CustomerView(long id, String name, String phone, String reference, String paymentAccount,
                               String deliveryAddress, boolean marketingConsent, boolean optedOut,
                               List<Identity> identities) {
    }

    public record Join(Long customerId) {
    }

    @POST
    @Operation(summary = "Registers a customer the store knows", description = "Marketing consent, when given, is"
            + " recorded with the caller as its source.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "A field that cannot be taken, or a reference already used")
    public Response register(@PathParam("store") String slug, NewCustomer customer) {
        ApiCaller caller = ApiCaller.of(request);
        StoreRef store = caller.store(stores, slug);
        if (customer == null) {
            throw new BadRequestException("a JSON customer is needed");
        }
        long id = BusinessRefusals.asBadRequest(() -> customers.register(store.id(), customer, "api: " + caller.name()));
        return Response.status(Response.Status.CREATED).entity(view(store, id)).build();
    }

    @GET
    @Operation(summary = "Finds a customer by the store's own reference")
    public List<CustomerView> byReference(@PathParam("store") String slug, @QueryParam("reference") String reference) {
        StoreRef store = ApiCaller.of(request).store(stores, slug);
        if (reference == null || reference.isBlank()) {
            throw new BadRequestException("reference is required");
        }
        return customers.byReference(store.id(), reference).map(c -> List.of(view(store, c.id()))).orElse(List.of());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One customer, with the apps they chat from")
    @APIResponse(responseCode = "404", description = "Not a customer of this store")
    public CustomerView customer(@PathParam("store") String slug, @PathParam("id") long id) {
        return view(ApiCaller.of(request).store(stores, slug), id);
    }

    @POST
    @Path("{id}/join")
    @Operation(summary = "Joins another record of the same person into this customer",
            description = "Their identities, cart, orders and offers move here; what only the other record knew is"
                    + " kept. The other record stays, marked as joined.")
    @APIResponse(responseCode = "400", description = "The same customer, or one that is not (or no longer) the store's")
    public CustomerView join(@PathParam("store") String slug, @PathParam("id") long id, Join join) {
        StoreRef store = ApiCaller.of(request).store(stores, slug);
        if (join == null || join.customerId() == null) {
            throw new BadRequestException("customerId (the record to join into this one) is required");
        }
        BusinessRefusals.asBadRequest(() -> {
            links.join(store.id(), id, join.customerId());
            return null;
        });
        return view(store, id);
    }

    private CustomerView view(StoreRef store, long id) {
        CustomerRef c = customers.find(store.id(), id).orElseThrow(() -> new NotFoundException("No customer " + id));
        List<Identity> identities = conversations.conversationsOf(id).stream()
                .map(r -> new Identity(r.channel().wireName(), r.accountKey(), r.lastInboundAt())).toList();
        return new CustomerView(c.id(), c.displayName(), c.phone(), c.reference(), c.paymentAccount(),
                c.deliveryAddress(), c.consent(), c.optedOut(), identities);
    }
}
