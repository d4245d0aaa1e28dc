package com.parla.connector.api;

import jakarta.resource.ResourceException;
import java.util.Collection;

/**
 * The connector's administration, apart from sending: which channel accounts it serves, and whether it is ready.
 * An administered object looked up from JNDI; code that only sends gets a {@link ChannelConnectionFactory} and
 * cannot reconfigure the connector.
 */
public interface ChannelAdministration {

    /**
     * Replaces the accounts the connector serves with these, all at once: the application's accounts at start.
     * Until the first call the connector answers every webhook 503 (deliver again later), never 404, and is not
     * ready.
     *
     * @throws ResourceException if one of them cannot be served (unknown channel, duplicate key); nothing changes
     */
    void registerAll(Collection<ChannelAccountRegistration> accounts) throws ResourceException;

    /** Adds or replaces one account: its webhooks are taken and its messages can be sent from then on. */
    void register(ChannelAccountRegistration account) throws ResourceException;

    /** Removes an account: its webhooks are refused (404) and sends from it fail. */
    void unregister(String accountKey) throws ResourceException;

    /** The adapter's own account of itself, its readiness included. */
    AdapterStatus status() throws ResourceException;
}
