package com.parla.api.shopping;

import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.dialogue.boundary.Handoffs;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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

/** Who has a conversation: the bot, or a person of the store (handoff and handing back). */
@Path("stores/{store}/conversations/{id}")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    @EJB
    StoreDirectory stores;

    @EJB
    Handoffs handoffs;

    @Context
    ContainerRequestContext request;

    @GET
    public Handoffs.ConversationState state(@PathParam("store") String slug, @PathParam("id") long id) {
        return handoffs.state(store(slug).id(), id).orElseThrow(() -> notFound(id));
    }

    /** A person takes over: the bot stays silent until the conversation is handed back. */
    @POST
    @Path("handoff")
    public Handoffs.ConversationState handOff(@PathParam("store") String slug, @PathParam("id") long id,
                                              @QueryParam("reason") String reason) {
        String why = reason == null || reason.isBlank() ? "staff" : reason.strip();
        return handoffs.handOff(store(slug).id(), id, why.length() > 64 ? why.substring(0, 64) : why)
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("handback")
    public Handoffs.ConversationState handBack(@PathParam("store") String slug, @PathParam("id") long id) {
        return handoffs.handBack(store(slug).id(), id).orElseThrow(() -> notFound(id));
    }

    private StoreRef store(String slug) {
        return ApiCaller.of(request).store(stores, slug);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No conversation " + id + " in this store");
    }
}
