package com.parla.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a shipment's timeline: what happened, when (the carrier's time), and a word on it. */
@Entity
@Table(name = "shipment_step")
public class ShipmentStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Shipment.Status status;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    @Column(length = 300)
    private String note;

    protected ShipmentStep() {
    }

    ShipmentStep(Shipment shipment, Shipment.Status status, Instant happenedAt, String note) {
        this.shipment = shipment;
        this.status = status;
        this.happenedAt = happenedAt;
        this.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
    }

    public Shipment.Status getStatus() {
        return status;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }

    public String getNote() {
        return note;
    }
}
