package com.parla.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An integration event (JMS, CloudEvents envelope) that has been applied; its id makes inbound idempotent. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    @Column(name = "event_id", length = 128)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 128)
    private String eventType;

    @Column(nullable = false, length = 256)
    private String source;

    /** JMSXDeliveryCount of the delivery that was applied: above 1 means earlier tries rolled back. */
    @Column(name = "delivery_count", nullable = false)
    private int deliveryCount;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    public ProcessedEvent(String eventId, String eventType, String source, int deliveryCount) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.source = source;
        this.deliveryCount = deliveryCount;
        this.processedAt = Instant.now();
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getSource() {
        return source;
    }

    public int getDeliveryCount() {
        return deliveryCount;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }
}
