package com.parla.integration.boundary;

import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Sends a message that can never be applied to its queue's dead-letter queue ({@code DLQ.<queue>}, the same one
 * the broker uses after too many failed deliveries), with the reason, in the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeadLetters {

    public static final String PREFIX = "DLQ.";
    public static final String REASON_PROPERTY = "parlaRejectReason";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Resource(lookup = PlatformResources.JMS_FACTORY)
    ConnectionFactory connectionFactory;

    public void reject(String queue, String body, Message original, String reason) {
        LOG.warning(() -> "Rejected a message of " + queue + ": " + reason);
        // the ActiveMQ resource adapter supports only the JMS 1.1 style API in the container
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(PREFIX + queue))) {
            TextMessage dead = session.createTextMessage(body);
            dead.setStringProperty(REASON_PROPERTY, reason);
            dead.setStringProperty("parlaOriginalMessageId", original.getJMSMessageID());
            producer.send(dead);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not dead-letter a message of " + queue, e.getErrorCode(), e);
        }
    }
}
