package com.parla.connector.admin;

import com.parla.connector.adapter.ChannelResourceAdapter;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.ChannelAdministration;
import jakarta.resource.NotSupportedException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.util.Collection;
import javax.naming.Reference;

/**
 * The connector's administration as an administered object (JCA 13.4.2.3): the application defines it in JNDI with
 * {@code @AdministeredObjectDefinition} and the container associates it with the adapter. It reconfigures the
 * adapter's account registry and reports the adapter's status; it cannot send.
 */
@AdministeredObject(adminObjectInterfaces = ChannelAdministration.class)
public class ChannelAdministrator implements ChannelAdministration, ResourceAdapterAssociation, Referenceable,
        Serializable {

    private static final long serialVersionUID = 1L;

    private transient ChannelResourceAdapter adapter;
    private Reference reference;

    @Override
    public void registerAll(Collection<ChannelAccountRegistration> accounts) throws ResourceException {
        try {
            adapter().accounts().replaceAll(accounts);
        } catch (IllegalArgumentException e) {
            throw new ResourceException(e.getMessage());
        }
    }

    @Override
    public void register(ChannelAccountRegistration account) throws ResourceException {
        try {
            adapter().accounts().register(account);
        } catch (IllegalArgumentException e) {
            throw new ResourceException(e.getMessage());
        }
    }

    @Override
    public void unregister(String accountKey) throws ResourceException {
        adapter().accounts().unregister(accountKey);
    }

    @Override
    public AdapterStatus status() throws ResourceException {
        return adapter().status();
    }

    private ChannelResourceAdapter adapter() throws IllegalStateException {
        if (adapter == null) {
            throw new IllegalStateException("The channel administration is not associated with the adapter");
        }
        return adapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        if (!(resourceAdapter instanceof ChannelResourceAdapter channelAdapter)) {
            throw new NotSupportedException("Not the Parla channel adapter: " + resourceAdapter);
        }
        this.adapter = channelAdapter;
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
