package com.parla.connector.outbound;

import com.parla.connector.adapter.ChannelResourceAdapter;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Set;

/** Outbound side of the connector: the container pools the managed connections this factory makes. */
@ConnectionDefinition(
        connectionFactory = ChannelConnectionFactory.class,
        connectionFactoryImpl = PooledChannelConnectionFactory.class,
        connection = ChannelConnection.class,
        connectionImpl = ChannelConnectionHandle.class)
public class ChannelManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;

    private transient ChannelResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new PooledChannelConnectionFactory(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("The Parla connector runs inside a Jakarta EE container only");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new ChannelManagedConnection(resourceAdapter.sender());
    }

    @Override
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        // all managed connections are alike: any free one will do
        for (Object candidate : connections) {
            if (candidate instanceof ChannelManagedConnection managed) {
                return managed;
            }
        }
        return null;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        if (!(resourceAdapter instanceof ChannelResourceAdapter channelAdapter)) {
            throw new NotSupportedException("Not the Parla channel adapter: " + resourceAdapter);
        }
        this.resourceAdapter = channelAdapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // no configuration properties yet, so all instances are equal (JCA requires value equality)
    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return ChannelManagedConnectionFactory.class.hashCode();
    }
}
