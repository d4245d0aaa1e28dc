package com.parla.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A person who buys from a store, whichever channels they write from: their channel identities point here. Nobody
 * has to give a name or an order number; what the store knows of them is kept here.
 */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(length = 32)
    private String phone;

    @Column(length = 254)
    private String email;

    /** The merchant's billing system's reference of the customer's stored payment account. */
    @Column(name = "payment_account", length = 64)
    private String paymentAccount;

    @Column(name = "delivery_address", length = 500)
    private String deliveryAddress;

    @Column(name = "marketing_opt_in_at")
    private Instant marketingOptInAt;

    @Column(name = "opt_in_source", length = 64)
    private String optInSource;

    @Column(name = "opted_out_at")
    private Instant optedOutAt;

    /** The store's own customer reference (its CRM's), if it gave one. */
    @Column(length = 64)
    private String reference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The customer this one was joined into when the person linked their apps; null while it stands alone. */
    @Column(name = "joined_into")
    private Long joinedInto;

    protected Customer() {
    }

    public Customer(long storeId, String displayName, Instant createdAt) {
        this.storeId = storeId;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    /** Consent to business-initiated messages, with where it was given. */
    public void optIn(String source, Instant at) {
        marketingOptInAt = at;
        optInSource = source;
        optedOutAt = null;
    }

    public void optOut(Instant at) {
        optedOutAt = at;
        marketingOptInAt = null;
    }

    public boolean hasConsent() {
        return marketingOptInAt != null && optedOutAt == null;
    }

    /**
     * Takes in what another record of the same person knows and this one does not (an address, a phone, a name),
     * and marks that one as joined into this one. Of consent, the latest word counts. The store's reference and
     * payment account stay where they are: they are the store's systems' to move.
     */
    public void join(Customer other) {
        if (displayName == null || displayName.isBlank()) {
            displayName = other.displayName;
        }
        if (phone == null) {
            phone = other.phone;
        }
        if (email == null) {
            email = other.email;
        }
        if (deliveryAddress == null || deliveryAddress.isBlank()) {
            deliveryAddress = other.deliveryAddress;
        }
        // consent is the person's: their latest word on it, from whichever app, stands
        if (consentChangedAt(other) != null && (consentChangedAt(this) == null
                || consentChangedAt(other).isAfter(consentChangedAt(this)))) {
            marketingOptInAt = other.marketingOptInAt;
            optInSource = other.optInSource;
            optedOutAt = other.optedOutAt;
        }
        other.joinedInto = id;
    }

    private static Instant consentChangedAt(Customer c) {
        return c.optedOutAt != null ? c.optedOutAt : c.marketingOptInAt;
    }

    public Long getJoinedInto() {
        return joinedInto;
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public String getPaymentAccount() {
        return paymentAccount;
    }

    public void setPaymentAccount(String paymentAccount) {
        this.paymentAccount = paymentAccount;
    }

    public String getDeliveryAddress() {
        return deliveryAddress;
    }

    public void setDeliveryAddress(String deliveryAddress) {
        this.deliveryAddress = deliveryAddress;
    }

    public Instant getMarketingOptInAt() {
        return marketingOptInAt;
    }

    public String getOptInSource() {
        return optInSource;
    }

    public Instant getOptedOutAt() {
        return optedOutAt;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
