package com.parla.api;

import com.parla.platform.boundary.JsonBuilders;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON of the call's shape is the caller's mistake: 400, with what the parser said. */
@Provider
public class UnreadableBodies implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(JsonBuilders.object().add("status", 400)
                        .add("error", "the body is not JSON this call reads" + detail).build().toString()).build();
    }
}
