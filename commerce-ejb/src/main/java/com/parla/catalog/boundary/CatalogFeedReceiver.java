package com.parla.catalog.boundary;

import com.parla.integration.boundary.EnvelopeReceiver;
import com.parla.integration.boundary.EventEnvelope;
import com.parla.integration.boundary.InvalidEventException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.MessageListener;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

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
public class CatalogFeedReceiver extends EnvelopeReceiver implements MessageListener {

    public static final String QUEUE = "parla.catalog.in";
    public static final String PRODUCT_UPSERTED = "parla.catalog.product.upserted";
    public static final String STOCK_CHANGED = "parla.catalog.stock.changed";
    public static final String PRODUCT_REMOVED = "parla.catalog.product.removed";

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    CatalogUpdates catalog;

    @Override
    protected String queue() {
        return QUEUE;
    }

    @Override
    protected boolean neverApplies(RuntimeException failure) {
        return failure instanceof CatalogDataException;
    }

    /** Stock for a variant whose product is still on its way. */
    @Override
    protected boolean notYet(RuntimeException failure) {
        return failure instanceof UnknownVariantException;
    }

    @Override
    protected void apply(EventEnvelope event) {
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
