package com.parla.api.security;

import com.parla.store.boundary.ApiTokens;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.entity.StaffRole;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates API calls: {@code Authorization: Bearer <store API token>} for systems, {@code Basic} with a staff
 * member's console credentials (checked by the console's identity store) for people. Anything else is 401 with the
 * schemes offered; nothing runs.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthentication implements ContainerRequestFilter {

    @Inject
    IdentityStoreHandler identityStore;

    @EJB
    ApiTokens tokens;

    @EJB
    StoreDirectory stores;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        ApiCaller caller = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = tokens.holder(header.substring(7).strip())
                    .map(h -> new ApiCaller("token:" + h.name(), Set.of(h.storeId()), true)).orElse(null);
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = staff(header.substring(6).strip());
        }
        if (caller == null) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parla\", Basic realm=\"parla\"")
                    .type(MediaType.TEXT_PLAIN).entity("a store API token (Bearer) or staff credentials (Basic)"
                            + " are needed").build());
            return;
        }
        request.setProperty(ApiCaller.PROPERTY, caller);
    }

    private ApiCaller staff(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return null;
        }
        String email = decoded.substring(0, colon);
        CredentialValidationResult result = identityStore.validate(
                new UsernamePasswordCredential(email, decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return null;
        }
        boolean manages = stores.staffMember(email).map(m -> m.getRole() != StaffRole.AGENT).orElse(false);
        return new ApiCaller(email, stores.storesVisibleTo(email).stream().map(s -> s.getId())
                .collect(Collectors.toUnmodifiableSet()), manages);
    }
}
