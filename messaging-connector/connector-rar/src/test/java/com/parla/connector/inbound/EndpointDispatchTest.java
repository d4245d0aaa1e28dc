package com.parla.connector.inbound;

import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessageListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activation by factory and spec, and delivery to the endpoints of a message's channel, without a container. */
class EndpointDispatchTest {

    private final ResourceAdapter adapter = new NoAdapter();
    private final EndpointDispatch dispatch = new EndpointDispatch(adapter);

    @Test
    void aMessageGoesToTheEndpointsOfItsChannelOnly() throws Exception {
        RecordingFactory all = new RecordingFactory("all", false);
        RecordingFactory telegramOnly = new RecordingFactory("telegram", false);
        dispatch.activate(all, spec("*"));
        dispatch.activate(telegramOnly, spec("telegram"));

        DeliveryOutcome outcome = dispatch.deliver(List.of(message(Channel.WHATSAPP, "wamid.1")));

        assertEquals(new DeliveryOutcome(1, 1), outcome);
        assertEquals(List.of("wamid.1"), all.received);
        assertEquals(List.of(), telegramOnly.received);
        assertEquals(new DeliveryOutcome(2, 2), dispatch.deliver(List.of(message(Channel.TELEGRAM, "77"))));
    }

    @Test
    void severalMessagesGoToAnEndpointInOneDeliveryWithThoseOfItsChannels() throws Exception {
        RecordingFactory all = new RecordingFactory("all", false);
        RecordingFactory telegramOnly = new RecordingFactory("telegram", false);
        dispatch.activate(all, spec("*"));
        dispatch.activate(telegramOnly, spec("telegram"));
        DeliveryOutcome outcome = dispatch.deliver(List.of(message(Channel.WHATSAPP, "wamid.3"),
                message(Channel.TELEGRAM, "78"), message(Channel.WHATSAPP, "wamid.4")));
        assertTrue(outcome.taken());
        assertEquals(List.of(3), all.batches, "one onMessages call for the three");
        assertEquals(List.of("78"), telegramOnly.received, "only its channel's message, through onMessage");
        assertEquals(List.of(), telegramOnly.batches);
    }

    @Test
    void aFailingEndpointIsCountedAsNotTaken() throws Exception {
        dispatch.activate(new RecordingFactory("ok", false), spec("*"));
        dispatch.activate(new RecordingFactory("broken", true), spec("*"));
        DeliveryOutcome outcome = dispatch.deliver(List.of(message(Channel.WHATSAPP, "wamid.2")));
        assertEquals(new DeliveryOutcome(2, 1), outcome);
        assertTrue(!outcome.taken());
        assertTrue(!new DeliveryOutcome(0, 0).taken(), "no endpoint: not taken either");
    }

    @Test
    void theSameActivationTwiceAndAnotherAdaptersSpecAreRefused() throws Exception {
        RecordingFactory factory = new RecordingFactory("mdb", false);
        ChannelActivationSpec spec = spec("*");
        dispatch.activate(factory, spec);
        assertThrows(IllegalStateException.class, () -> dispatch.activate(factory, spec));
        ChannelActivationSpec foreign = spec("*");
        foreign.setResourceAdapter(new NoAdapter());
        assertThrows(NotSupportedException.class, () -> dispatch.activate(new RecordingFactory("x", false), foreign));
        assertThrows(NotSupportedException.class, () -> dispatch.activate(factory, new ActivationSpec() {
            @Override
            public void validate() {
            }

            @Override
            public ResourceAdapter getResourceAdapter() {
                return adapter;
            }

            @Override
            public void setResourceAdapter(ResourceAdapter ra) {
            }
        }));
        // the same factory with another spec is another activation
        dispatch.activate(factory, spec("whatsapp"));
        assertEquals(2, dispatch.size());
        dispatch.deactivate(factory, spec);
        assertEquals(1, dispatch.size());
    }

    private ChannelActivationSpec spec(String channels) {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        spec.setChannels(channels);
        spec.setResourceAdapter(adapter);
        return spec;
    }

    private static InboundMessage message(Channel channel, String id) {
        return InboundMessage.builder(channel, "acc", id, InboundMessage.Kind.TEXT).sender("1").text("hi").build();
    }

    /** An endpoint factory whose endpoints record what they get, or fail. */
    private static final class RecordingFactory implements MessageEndpointFactory {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        private final String name;
        private final boolean fails;

        RecordingFactory(String name, boolean fails) {
            this.name = name;
            this.fails = fails;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) {
            return new Endpoint();
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
            return new Endpoint();
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return name;
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }

        private final class Endpoint implements MessageEndpoint, InboundMessageListener {
            @Override
            public void onMessage(InboundMessage message) {
                if (fails) {
                    throw new java.lang.IllegalStateException("refused");
                }
                received.add(message.channelMessageId());
            }

            @Override
            public void onMessages(List<InboundMessage> messages) {
                batches.add(messages.size());
                messages.forEach(this::onMessage);
            }

            @Override
            public void beforeDelivery(Method method) {
            }

            @Override
            public void afterDelivery() {
            }

            @Override
            public void release() {
            }
        }
    }

    private static final class NoAdapter implements ResourceAdapter {
        @Override
        public void start(BootstrapContext ctx) {
        }

        @Override
        public void stop() {
        }

        @Override
        public void endpointActivation(MessageEndpointFactory f, ActivationSpec s) {
        }

        @Override
        public void endpointDeactivation(MessageEndpointFactory f, ActivationSpec s) {
        }

        @Override
        public XAResource[] getXAResources(ActivationSpec[] specs) {
            return new XAResource[0];
        }
    }
}
