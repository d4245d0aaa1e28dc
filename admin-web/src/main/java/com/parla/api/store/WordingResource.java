package com.parla.api.store;

import com.parla.api.BusinessRefusals;
import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.dialogue.boundary.StoreWordings;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The store's own wording of the bot's texts, per language (en, it). */
@Path("stores/{store}/wording/{language}")
@Authenticated
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wording", description = "The bot's texts in the store's own words")
public class WordingResource {

    @EJB
    StoreDirectory stores;

    @EJB
    StoreWordings wordings;

    @Context
    ContainerRequestContext request;

    public record Reworded(String text) {
    }

    @GET
    @Operation(summary = "Every text of the bot in a language: the shipped words and the store's own")
    public List<StoreWordings.Text> texts(@PathParam("store") String slug, @PathParam("language") String language) {
        long store = ApiCaller.of(request).store(stores, slug).id();
        return BusinessRefusals.asBadRequest(() -> wordings.texts(store, language));
    }

    @PUT
    @Path("{key}")
    @Operation(summary = "Rewords one text", description = "Only the placeholders of the shipped text may be used."
            + " The next message uses the new words.")
    @APIResponse(responseCode = "400", description = "Unknown key or language, blank or too long, or a placeholder"
            + " the engine does not fill")
    public StoreWordings.Text reword(@PathParam("store") String slug, @PathParam("language") String language,
                                     @PathParam("key") String key, Reworded body) {
        ApiCaller caller = ApiCaller.of(request);
        long store = caller.managedStore(stores, slug).id();
        return BusinessRefusals.asBadRequest(() -> wordings.reword(store, language, key,
                body == null ? null : body.text(), caller.name()));
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Back to the shipped words")
    public void restore(@PathParam("store") String slug, @PathParam("language") String language,
                        @PathParam("key") String key) {
        long store = ApiCaller.of(request).managedStore(stores, slug).id();
        if (!wordings.restore(store, language, key)) {
            throw new NotFoundException("The store has no wording of its own for " + key);
        }
    }
}
