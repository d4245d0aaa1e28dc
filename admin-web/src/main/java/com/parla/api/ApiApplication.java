package com.parla.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, version 1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Parla API", version = "1",
        description = "Catalog reads (public); stores' settings, catalog writes, customers, BUY-code offers, orders"
                + " and conversation handoff (a store API token as Bearer, or staff credentials as Basic; every"
                + " call scoped to the caller's stores; changing a store or its catalog needs a merchant admin or"
                + " the store's token). A refused call answers {\"status\": 4xx, \"error\": \"the reason\"}."))
public class ApiApplication extends Application {
}
