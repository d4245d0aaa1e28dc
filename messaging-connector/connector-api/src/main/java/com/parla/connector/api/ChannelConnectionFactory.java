package com.parla.connector.api;

import jakarta.resource.ResourceException;

/**
 * Outbound entry point of the messaging connector, looked up from JNDI. Connections are cheap handles on pooled
 * managed connections: get one per unit of work and close it.
 */
public interface ChannelConnectionFactory {

    ChannelConnection getConnection() throws ResourceException;
}
