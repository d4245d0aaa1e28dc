package com.parla.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;

/** A delivery window of a store's carrier on one day: how many deliveries it takes, and how many it has. */
@Entity
@Table(name = "delivery_slot")
@NamedQuery(name = DeliverySlot.FROM_DAY, query = "select s from DeliverySlot s where s.storeId = :store"
        + " and s.carrier = :carrier and s.deliveryDay >= :from and s.deliveryDay <= :until order by s.deliveryDay, s.startsAt")
public class DeliverySlot {

    public static final String FROM_DAY = "DeliverySlot.fromDay";

    public enum Source {
        /** Sent by the carrier on parla.shipments.in. */
        CARRIER,
        /** Set by the store through the REST API. */
        STORE,
        /** The standard windows, for a day nobody set. */
        STANDARD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(nullable = false, length = 64)
    private String carrier;

    @Column(name = "delivery_day", nullable = false)
    private LocalDate deliveryDay;

    /** "09:00": kept as text, so that no database's time zone handling moves it. */
    @Column(name = "starts_at", nullable = false, length = 5)
    private String startsAt;

    @Column(name = "ends_at", nullable = false, length = 5)
    private String endsAt;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private int booked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Source source;

    protected DeliverySlot() {
    }

    public DeliverySlot(long storeId, String carrier, LocalDate day, LocalTime startsAt, LocalTime endsAt,
                        int capacity, Source source) {
        this.storeId = storeId;
        this.carrier = carrier;
        this.deliveryDay = day;
        this.startsAt = startsAt.toString();
        this.endsAt = endsAt.toString();
        this.capacity = capacity;
        this.source = source;
    }

    /** The carrier or the store set it anew: its end and capacity change, its bookings stay. */
    public void reset(LocalTime endsAt, int capacity, Source source) {
        this.endsAt = endsAt.toString();
        this.capacity = capacity;
        this.source = source;
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public String getCarrier() {
        return carrier;
    }

    public LocalDate getDay() {
        return deliveryDay;
    }

    public LocalTime getStartsAt() {
        return LocalTime.parse(startsAt);
    }

    public LocalTime getEndsAt() {
        return LocalTime.parse(endsAt);
    }

    public int getCapacity() {
        return capacity;
    }

    public int getBooked() {
        return booked;
    }

    public boolean hasRoom() {
        return booked < capacity;
    }

    public Source getSource() {
        return source;
    }
}
