package com.parla.api.store;

import com.parla.api.BusinessRefusals;
import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import com.parla.store.boundary.StoreSettings;
import com.parla.store.boundary.StoreSetup;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stores a caller works for, and their settings for the chat. */
@Path("stores")
@Authenticated
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores", description = "Stores and their settings for the chat")
public class StoresResource {

    @EJB
    StoreDirectory stores;

    @EJB
    StoreSetup setup;

    @Context
    ContainerRequestContext request;

    /** A store as the API shows it. */
    public record StoreView(String slug, String name, String currency, String language, String timeZone,
                            String openDays, String opensAt, String closesAt, int reservationMinutes,
                            String whatsappCatalogId, String checkinAfter) {
        static StoreView of(StoreRef s) {
            return new StoreView(s.slug(), s.name(), s.currency(), s.defaultLanguage(), s.timeZone().getId(),
                    s.openDays(), s.opensAt().toString(), s.closesAt().toString(), s.reservationMinutes(),
                    s.whatsappCatalogId(), s.checkinAfter().toString());
        }
    }

    @GET
    @Operation(summary = "The stores the caller may act for")
    public List<StoreView> list() {
        ApiCaller caller = ApiCaller.of(request);
        return caller.storeIds().stream().sorted().map(id -> stores.storeRef(id)).flatMap(java.util.Optional::stream)
                .map(StoreView::of).toList();
    }

    @GET
    @Path("{store}")
    @Operation(summary = "One store's settings")
    @APIResponse(responseCode = "404", description = "No such store")
    @APIResponse(responseCode = "403", description = "Another merchant's store")
    public StoreView store(@PathParam("store") String slug) {
        return StoreView.of(ApiCaller.of(request).store(stores, slug));
    }

    @PATCH
    @Path("{store}")
    @Operation(summary = "Changes the store's name, time zone, business hours, reservation time, WhatsApp catalog"
            + " or check-in delay",
            description = "Fields left out stay as they are; one invalid field changes nothing. Merchant admins and"
                    + " the store's API token only.")
    @APIResponse(responseCode = "400", description = "A field that cannot be taken, with the reason")
    public StoreView change(@PathParam("store") String slug, StoreSettings settings) {
        StoreRef store = ApiCaller.of(request).managedStore(stores, slug);
        if (settings == null) {
            throw new BadRequestException("a JSON object of settings is needed");
        }
        return StoreView.of(BusinessRefusals.asBadRequest(() -> setup.changeSettings(store.id(), settings)));
    }
}
