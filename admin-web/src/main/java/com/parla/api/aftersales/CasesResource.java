package com.parla.api.aftersales;

import com.parla.aftersales.boundary.Aftercare;
import com.parla.aftersales.boundary.CaseView;
import com.parla.api.security.ApiCaller;
import com.parla.api.security.Authenticated;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the store's staff must take up: low ratings and returns, with the order each is about. */
@Path("stores/{store}/cases")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Low ratings and returns for the store's staff")
public class CasesResource {

    @EJB
    StoreDirectory stores;

    @EJB
    Aftercare aftercare;

    @Context
    ContainerRequestContext request;

    @GET
    @Operation(summary = "The store's open cases, oldest first")
    public List<CaseView> open(@PathParam("store") String slug) {
        return aftercare.openCases(ApiCaller.of(request).store(stores, slug).id());
    }
}
