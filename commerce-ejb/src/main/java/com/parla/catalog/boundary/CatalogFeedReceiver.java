package com.parla.catalog.boundary;

import com.parla.integration.boundary.DeadLetters;
import com.parla.integration.boundary.EventEnvelope;
import com.parla.integration.boundary.IntegrationInbox;
import com.parla.integration.boundary.InvalidEventException;
import com.parla.integration.boundary.JmsMessages;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.logging.Logger;

/**
 * Applies catalog feeds from enterprise IT ({@code parla.catalog.in}): product upserts, stock levels, removals.
 * Each message is one transaction. Messages that can never apply go to {@code DLQ.parla.catalog.in} at once;
 * messages that cannot apply yet (stock for a product still on its way) roll back and are redelivered with
 * exponential backoff (0.5 s, 1 s, 2 s, 4 s, 8 s), then dead-lettered by the broker.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = CatalogFeedReceiver.QUEUE),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "5"),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
        @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")})
public class CatalogFeedReceiver implements MessageListener {

    public static final String QUEUE = "parla.catalog.in";
    public static final String PRODUCT_UPSERTED = "parla.catalog.product.upserted";
    public static final String STOCK_CHANGED = "parla.catalog.stock.changed";
    public static final String PRODUCT_REMOVED = "parla.catalog.product.removed";

    private static final Logger LOG = Logger.getLogger(CatalogFeedReceiver.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    CatalogUpdates catalog;

    @EJB
    IntegrationInbox inbox;

    @EJB
    DeadLetters deadLetters;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        String body = null;
        try {
            body = JmsMessages.body(message);
            EventEnvelope event = EventEnvelope.parse(body);
            if (inbox.find(event.id()) != null) {
                LOG.fine(() -> "Duplicate event " + event.id() + " skipped");
                return;
            }
            apply(event);
            inbox.markProcessed(event, JmsMessages.deliveryCount(message));
        } catch (InvalidEventException | CatalogDataException e) {
            deadLetters.reject(QUEUE, body, message, e.getMessage());
        } catch (UnknownVariantException e) {
            LOG.info(() -> e.getMessage() + "; will retry");
            context.setRollbackOnly();
        } catch (JMSException e) {
            throw new EJBException("Could not read a message of " + QUEUE, e);
        }
    }

    private void apply(EventEnvelope event) {
        switch (event.type()) {
            case PRODUCT_UPSERTED -> catalog.upsert(data(event, ProductUpsert.class));
            case STOCK_CHANGED -> catalog.setStock(data(event, StockChange.class));
            case PRODUCT_REMOVED -> catalog.remove(data(event, ProductRemoval.class));
            default -> throw new InvalidEventException("unknown event type " + event.type());
        }
    }

    private static <T> T data(EventEnvelope event, Class<T> type) {
        try {
            return JSONB.fromJson(event.data().toString(), type);
        } catch (JsonbException e) {
            throw new InvalidEventException("data is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
