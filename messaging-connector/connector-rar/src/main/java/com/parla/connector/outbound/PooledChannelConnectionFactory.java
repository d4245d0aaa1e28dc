package com.parla.connector.outbound;

import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import java.io.Serializable;

/** The connection factory bound in JNDI: hands out connections from the container's pool. */
public class PooledChannelConnectionFactory implements ChannelConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final ChannelManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    PooledChannelConnectionFactory(ChannelManagedConnectionFactory managedFactory, ConnectionManager manager) {
        this.managedFactory = managedFactory;
        this.connectionManager = manager;
    }

    @Override
    public ChannelConnection getConnection() throws ResourceException {
        return (ChannelConnection) connectionManager.allocateConnection(managedFactory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
