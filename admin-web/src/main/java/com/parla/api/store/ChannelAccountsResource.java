package com.parla.api.store;

import com.parla.api.BusinessRefusals;
import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.store.boundary.ChannelAccountView;
import com.parla.store.boundary.ChannelAccounts;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

/** A store's channel accounts (never their secrets) and the send rate each may use. */
@Path("stores/{store}/channel-accounts")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores", description = "Stores and their settings for the chat")
public class ChannelAccountsResource {

    @EJB
    StoreDirectory stores;

    @EJB
    ChannelAccounts accounts;

    @Context
    ContainerRequestContext request;

    /** @param messagesPerSecond the account's own send rate, 0 for the channel's default */
    public record RateChange(Integer messagesPerSecond) {
    }

    @GET
    @Operation(summary = "The store's channel accounts: channel, key, the channel's id, webhook path, send rate")
    public List<ChannelAccountView> list(@PathParam("store") String slug) {
        return accounts.of(ApiCaller.of(request).store(stores, slug).id());
    }

    @PATCH
    @Path("{account}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the account's send rate",
            description = "What Meta granted the WhatsApp number (1000 after an upgrade, 20 when shared with the"
                    + " WhatsApp Business app), 0 for the channel's default; the connector paces by it at once."
                    + " Merchant admins and the store's API token only.")
    @APIResponse(responseCode = "400", description = "A rate that cannot be taken, with the reason")
    @APIResponse(responseCode = "404", description = "No such account of the store")
    public ChannelAccountView changeRate(@PathParam("store") String slug, @PathParam("account") String key,
                                         RateChange change) {
        long store = ApiCaller.of(request).managedStore(stores, slug).id();
        if (change == null || change.messagesPerSecond() == null) {
            throw new BadRequestException("messagesPerSecond is needed");
        }
        return BusinessRefusals.asBadRequest(() -> accounts.changeRate(store, key, change.messagesPerSecond()))
                .orElseThrow(() -> new NotFoundException("No channel account " + key + " of store " + slug));
    }
}
