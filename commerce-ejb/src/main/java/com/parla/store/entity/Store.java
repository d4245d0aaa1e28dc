package com.parla.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import java.time.Instant;

/** An online store of a merchant; the tenant boundary for catalog, customers, conversations and orders. */
@Entity
@NamedQuery(name = Store.BY_SLUG, query = "select s from Store s where s.slug = :slug")
public class Store {

    public static final String BY_SLUG = "Store.bySlug";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "merchant_id")
    private Merchant merchant;

    @Column(nullable = false, length = 64, unique = true)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "default_language", nullable = false, length = 16)
    private String defaultLanguage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "Europe/Rome";

    /** Business hours' days, ISO numbers: "1-6" is Monday to Saturday. */
    @Column(name = "open_days", nullable = false, length = 16)
    private String openDays = "1-6";

    @Column(name = "opens_at", nullable = false, length = 5)
    private String opensAt = "09:00";

    @Column(name = "closes_at", nullable = false, length = 5)
    private String closesAt = "19:00";

    /** How long stock stays reserved for an order not yet paid. */
    @Column(name = "reservation_minutes", nullable = false)
    private int reservationMinutes = 30;

    @Column(name = "whatsapp_catalog_id", length = 64)
    private String whatsappCatalogId;

    /** How long after delivery the customer is asked how they like it: an ISO-8601 duration, "P7D". */
    @Column(name = "checkin_after", nullable = false, length = 16)
    private String checkinAfter = "P7D";

    protected Store() {
    }

    public Store(Merchant merchant, String slug, String name, String currency, String defaultLanguage) {
        this.merchant = merchant;
        this.slug = slug;
        this.name = name;
        this.currency = currency;
        this.defaultLanguage = defaultLanguage;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Merchant getMerchant() {
        return merchant;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getOpenDays() {
        return openDays;
    }

    public String getOpensAt() {
        return opensAt;
    }

    public String getClosesAt() {
        return closesAt;
    }

    public int getReservationMinutes() {
        return reservationMinutes;
    }

    public void setHours(String timeZone, String openDays, String opensAt, String closesAt) {
        this.timeZone = timeZone;
        this.openDays = openDays;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    /** The Meta commerce catalog of its WhatsApp account, or null. */
    public String getWhatsappCatalogId() {
        return whatsappCatalogId;
    }

    public void setWhatsappCatalogId(String whatsappCatalogId) {
        this.whatsappCatalogId = whatsappCatalogId;
    }

    public void rename(String name) {
        this.name = name;
    }

    public String getCheckinAfter() {
        return checkinAfter;
    }

    public void setCheckinAfter(String checkinAfter) {
        this.checkinAfter = checkinAfter;
    }

    public void setReservationMinutes(int reservationMinutes) {
        this.reservationMinutes = reservationMinutes;
    }
}
