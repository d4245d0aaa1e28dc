package com.parla.connector.outbound;

import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pooled connection to the sending path. Channel APIs are stateless HTTP over the connector's one client, so
 * there is no physical connection to hold; the pool bounds how many application threads send at once.
 */
class ChannelManagedConnection implements ManagedConnection {

    private final ChannelSender sender;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ChannelConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    ChannelManagedConnection(ChannelSender sender) {
        this.sender = sender;
    }

    SendResult send(OutboundMessage message) throws ResourceException {
        return sender.send(message);
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        ChannelConnectionHandle handle = new ChannelConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof ChannelConnectionHandle handle)) {
            throw new ResourceException("Not a Parla channel connection: " + connection);
        }
        handle.moveTo(this);
        handles.add(handle);
    }

    void handleClosed(ChannelConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    void detach(ChannelConnectionHandle handle) {
        handles.remove(handle);
    }

    @Override
    public void cleanup() {
        handles.forEach(ChannelConnectionHandle::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        listeners.clear();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Channel sends are not transactional; the application uses an outbox");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Channel sends are not transactional; the application uses an outbox");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Parla messaging channels";
            }

            @Override
            public String getEISProductVersion() {
                return "0.1";
            }

            @Override
            public int getMaxConnections() {
                return 0; // no EIS-side limit
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
