package com.parla.store.boundary;

import com.parla.store.entity.ApiToken;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Per-store API tokens: issued once in the clear, checked by their SHA-256 (a token has 256 random bits). */
@Stateless
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /** The system a token was issued to, and its store. */
    public record Holder(long storeId, String name) {
    }

    /** @return the new token, in the clear: it cannot be read back later */
    public String issue(long storeId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "parla_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        register(storeId, name, token);
        return token;
    }

    /** A token chosen by the caller (the demo's documented one). */
    public void register(long storeId, String name, String token) {
        em.persist(new ApiToken(storeId, name, hash(token), Instant.now()));
    }

    public Optional<Holder> holder(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class).setParameter("hash", hash(token))
                .getResultStream().findFirst().map(t -> new Holder(t.getStoreId(), t.getName()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
