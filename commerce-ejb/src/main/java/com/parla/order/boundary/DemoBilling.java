package com.parla.order.boundary;

import com.parla.integration.boundary.EventPublisher;
import com.parla.integration.boundary.JmsMessages;
import com.parla.platform.boundary.JsonBuilders;
import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The merchant's billing system of the demo: it takes each charge request Parla publishes and answers with a
 * capture on {@code parla.payments.in}, as a real one would (there a person's card on file is charged). On with
 * {@code parla.demo.billing} (default: what {@code parla.demo.enabled} says); off, the requests wait for the real
 * billing system.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "parla.events"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = EventPublisher.TYPE_PROPERTY + " = '" + OrderDesk.CHARGE_REQUESTED + "'"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")})
public class DemoBilling implements MessageListener {

    @Inject
    @ConfigProperty(name = "parla.demo.enabled", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "parla.demo.billing")
    java.util.Optional<Boolean> billing;

    @Resource(lookup = PlatformResources.JMS_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public void onMessage(Message message) {
        if (!billing.orElse(demo)) {
            return;
        }
        try {
            JsonObject request = JsonBuilders.reader(JmsMessages.body(message)).readObject();
            JsonObject data = request.getJsonObject("data");
            String capture = JsonBuilders.object().add("id", "demo-billing-" + UUID.randomUUID())
                    .add("type", PaymentFeedReceiver.CAPTURED).add("source", "demo-billing")
                    .add("time", Instant.now().toString()).add("subject", request.getString("subject"))
                    .add("data", JsonBuilders.object().add("store", data.get("store"))
                            .add("order", data.getString("order")).add("amount", data.getString("amount"))
                            .add("currency", data.getString("currency"))
                            .add("chargeId", "demo-" + UUID.randomUUID())).build().toString();
            try (Connection connection = connectionFactory.createConnection();
                 Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                 MessageProducer producer = session.createProducer(session.createQueue(PaymentFeedReceiver.QUEUE))) {
                producer.send(session.createTextMessage(capture));
            }
        } catch (JMSException | RuntimeException e) {
            throw new EJBException("Demo billing could not answer a charge request", e);
        }
    }
}
