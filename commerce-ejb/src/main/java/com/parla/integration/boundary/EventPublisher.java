package com.parla.integration.boundary;

import com.parla.platform.boundary.JsonBuilders;
import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes Parla's events on {@code parla.events} in the caller's transaction (XA): an event goes out if and only
 * if the change it tells of commits. One subject's events form a message group, so one consumer sees them in order.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EventPublisher {

    public static final String SOURCE = "parla";
    /** The JMS property with the event type, for consumers' selectors. */
    public static final String TYPE_PROPERTY = "parlaType";

    @Resource(lookup = PlatformResources.JMS_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = PlatformResources.EVENTS_TOPIC)
    Topic events;

    /** @param subject what the event is about ("order/P-1042"); the ordering key */
    public void publish(String type, String subject, JsonObject data) {
        String body = JsonBuilders.object().add("id", UUID.randomUUID().toString()).add("type", type)
                .add("source", SOURCE).add("time", Instant.now().toString()).add("subject", subject)
                .add("data", data).build().toString();
        // the ActiveMQ resource adapter supports only the JMS 1.1 style API in the container
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(events)) {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(TYPE_PROPERTY, type);
            message.setStringProperty("JMSXGroupID", subject);
            producer.send(message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not publish " + type + " for " + subject, e.getErrorCode(), e);
        }
    }
}
