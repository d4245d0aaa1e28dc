package com.parla.delivery.boundary;

import com.parla.delivery.entity.DeliverySlot;
import com.parla.integration.boundary.EnvelopeReceiver;
import com.parla.integration.boundary.EventEnvelope;
import com.parla.integration.boundary.InvalidEventException;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.MessageListener;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The carriers' and warehouses' feed ({@code parla.shipments.in}): a shipment accepted, out for delivery (with its
 * ETA), the courier's position, delivered, a failed attempt; and the carrier's slot calendar. Idempotent on the
 * envelope id; a duplicate or older status changes nothing. An unknown order, another store's, a status that cannot
 * follow the current one, or a malformed message goes to {@code DLQ.parla.shipments.in} with the reason, changing
 * nothing. Schema: docs/integration/shipments.schema.json. Under load, up to 20 messages share a transaction: one
 * commit for them all. A message that fails unexpectedly rolls back its batch, and all of it is redelivered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ShipmentFeedReceiver.QUEUE),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "5"),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
        @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4"),
        // under load up to 20 updates share a transaction (one commit instead of 20); one at a time when they trickle
        @ActivationConfigProperty(propertyName = "enableBatch", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxMessagesPerBatch", propertyValue = "20")})
public class ShipmentFeedReceiver extends EnvelopeReceiver implements MessageListener {

    public static final String QUEUE = "parla.shipments.in";
    public static final String PREFIX = "parla.shipment.";
    public static final String COURIER_POSITION = PREFIX + "courier_position";
    public static final String SLOTS = PREFIX + "slots";
    /** The status each event type sets. */
    static final Map<String, String> STATUSES = Map.of(PREFIX + "accepted", "ACCEPTED",
            PREFIX + "out_for_delivery", "OUT_FOR_DELIVERY", PREFIX + "delivered", "DELIVERED",
            PREFIX + "failed_attempt", "FAILED_ATTEMPT");
    static final int MAX_SLOTS = 500;

    @EJB
    Deliveries deliveries;

    @EJB
    StoreDirectory stores;

    @Override
    protected String queue() {
        return QUEUE;
    }

    @Override
    protected boolean batched() {
        return true;
    }

    @Override
    protected boolean neverApplies(RuntimeException failure) {
        return failure instanceof UnknownShipmentException || failure instanceof ShipmentRefusedException;
    }

    @Override
    protected void apply(EventEnvelope event) {
        JsonObject data = event.data();
        if (SLOTS.equals(event.type())) {
            StoreRef store = stores.storeRef(required(data, "store"))
                    .orElseThrow(() -> new InvalidEventException("unknown store " + data.getString("store")));
            deliveries.setSlots(store.id(), required(data, "carrier"), slots(data), DeliverySlot.Source.CARRIER);
            return;
        }
        String order = required(data, "order");
        String store = optional(data, "store");
        Instant at = instant(data, "at", event.time());
        if (COURIER_POSITION.equals(event.type())) {
            deliveries.courierPosition(order, store, number(data, "latitude"), number(data, "longitude"), at);
            return;
        }
        String status = STATUSES.get(event.type());
        if (status == null) {
            throw new InvalidEventException("unknown event type " + event.type());
        }
        deliveries.statusUpdate(order, store, status, at, data.containsKey("eta") ? instant(data, "eta", null) : null,
                optional(data, "carrier"), optional(data, "note"));
    }

    private static List<Deliveries.SlotSpec> slots(JsonObject data) {
        if (!(data.get("slots") instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_SLOTS) {
            throw new InvalidEventException("data.slots must be an array of 1 to " + MAX_SLOTS + " windows");
        }
        List<Deliveries.SlotSpec> slots = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject slot)) {
                throw new InvalidEventException("each of data.slots must be an object");
            }
            try {
                slots.add(new Deliveries.SlotSpec(LocalDate.parse(required(slot, "day")),
                        LocalTime.parse(required(slot, "from")), LocalTime.parse(required(slot, "to")),
                        (int) number(slot, "capacity")));
            } catch (DateTimeParseException e) {
                throw new InvalidEventException("a window's day or time is not ISO-8601: " + e.getParsedString());
            }
        }
        return slots;
    }

    private static Instant instant(JsonObject data, String name, String fallback) {
        String value = data.get(name) instanceof JsonString s ? s.getString() : fallback;
        if (value == null) {
            return Instant.now();
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(name + " is not an ISO-8601 time with offset: " + value);
        }
    }

    private static double number(JsonObject data, String name) {
        if (!(data.get(name) instanceof JsonNumber n)) {
            throw new InvalidEventException("data." + name + " must be a number");
        }
        return n.doubleValue();
    }

    private static String optional(JsonObject data, String name) {
        return data.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static String required(JsonObject data, String name) {
        String value = optional(data, name);
        if (value == null) {
            throw new InvalidEventException(name + " must be a non-empty string");
        }
        return value;
    }
}
