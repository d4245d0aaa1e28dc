package com.parla.api;

import com.parla.platform.boundary.JsonBuilders;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused call says why, in the body: {@code {"status": 400, "error": "price must be zero or more"}}. Without
 * this, the reason given to a 4xx exception would reach the log and not the caller.
 */
@Provider
public class ClientErrors implements ExceptionMapper<ClientErrorException> {

    @Override
    public Response toResponse(ClientErrorException e) {
        Response original = e.getResponse();
        String reason = e.getMessage() == null ? original.getStatusInfo().getReasonPhrase() : e.getMessage();
        Response.ResponseBuilder response = Response.status(original.getStatus()).type(MediaType.APPLICATION_JSON)
                .entity(JsonBuilders.object().add("status", original.getStatus()).add("error", reason).build()
                        .toString());
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }
}
