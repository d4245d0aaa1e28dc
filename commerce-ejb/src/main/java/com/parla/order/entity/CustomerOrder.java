package com.parla.order.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An order of a customer in one store: its lines, how it is paid, where it goes, and where it stands. */
@Entity
@Table(name = "customer_order")
@NamedQuery(name = CustomerOrder.OPEN_OF_CUSTOMER, query = "select o from CustomerOrder o where o.storeId = :store"
        + " and o.customerId = :customer and o.status in :statuses order by o.id desc")
@NamedQuery(name = CustomerOrder.BY_PAYMENT_TOKEN, query = "select o from CustomerOrder o"
        + " where o.paymentToken = :token")
@NamedQuery(name = CustomerOrder.BY_REFERENCE, query = "select o from CustomerOrder o where o.reference = :reference")
@NamedQuery(name = CustomerOrder.EXPIRED, query = "select o from CustomerOrder o where o.status = :status"
        + " and o.reservedUntil < :now")
public class CustomerOrder {

    public static final String OPEN_OF_CUSTOMER = "CustomerOrder.openOfCustomer";
    public static final String BY_PAYMENT_TOKEN = "CustomerOrder.byPaymentToken";
    public static final String BY_REFERENCE = "CustomerOrder.byReference";
    public static final String EXPIRED = "CustomerOrder.expired";

    public enum Status {
        /** Stock reserved, payment not yet captured; the reservation runs out at reservedUntil. */
        AWAITING_PAYMENT,
        PAID,
        /** Not paid in time: the stock went back. */
        EXPIRED,
        CANCELLED
    }

    public enum PaymentMethod {
        /** Charged by the merchant's billing system to the customer's stored account (capture over JMS). */
        STORED_ACCOUNT,
        /** Paid on our payment page, from a link in the chat. */
        PAYMENT_LINK,
        /** Paid inside Telegram (sendInvoice, successful_payment). */
        TELEGRAM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(nullable = false, length = 32)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, length = 16)
    private PaymentMethod paymentMethod;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "delivery_address", length = 500)
    private String deliveryAddress;

    @Column(name = "delivery_date")
    private LocalDate deliveryDate;

    @Column(name = "updates_opt_in", nullable = false)
    private boolean updatesOptIn;

    /** The unguessable part of the payment link, for a link payment. */
    @Column(name = "payment_token", length = 64)
    private String paymentToken;

    @Column(name = "offer_id")
    private Long offerId;

    @Column(name = "reserved_until")
    private Instant reservedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The customer's rating of it, 1 to 5, once. */
    private Integer rating;

    @Column(name = "rated_at")
    private Instant ratedAt;

    /** A saved discount code that took part of the total, and how much. */
    @Column(name = "discount_code", length = 16)
    private String discountCode;

    @Column(precision = 12, scale = 2)
    private BigDecimal discount;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();

    protected CustomerOrder() {
    }

    public CustomerOrder(long storeId, long customerId, Long conversationId, String reference,
                         PaymentMethod paymentMethod, String currency, Instant now, Instant reservedUntil) {
        this.storeId = storeId;
        this.customerId = customerId;
        this.conversationId = conversationId;
        this.reference = reference;
        this.paymentMethod = paymentMethod;
        this.currency = currency;
        this.status = Status.AWAITING_PAYMENT;
        this.total = BigDecimal.ZERO;
        this.createdAt = now;
        this.updatedAt = now;
        this.reservedUntil = reservedUntil;
    }

    public void addLine(long variantId, String productName, String sizeLabel, BigDecimal unitPrice, int quantity) {
        OrderLine line = new OrderLine(this, variantId, productName, sizeLabel, unitPrice, quantity);
        lines.add(line);
        total = total.add(line.total());
    }

    public void deliverTo(String address, LocalDate date, boolean updatesOptIn) {
        this.deliveryAddress = address;
        this.deliveryDate = date;
        this.updatesOptIn = updatesOptIn;
    }

    /** Takes a discount code's share off the total (once: a second code changes nothing). */
    public void discount(String code, BigDecimal amount) {
        if (discountCode == null && amount.signum() > 0) {
            discountCode = code;
            discount = amount.min(total);
            total = total.subtract(discount);
        }
    }

    /** @return false if it was rated before: a rating is given once */
    public boolean rate(int stars, Instant at) {
        if (rating != null) {
            return false;
        }
        rating = stars;
        ratedAt = at;
        return true;
    }

    public Integer getRating() {
        return rating;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public String getDiscountCode() {
        return discountCode;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public void setPaymentToken(String paymentToken) {
        this.paymentToken = paymentToken;
    }

    public void setOfferId(Long offerId) {
        this.offerId = offerId;
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    /** The person's records were joined: this now belongs to the one that stayed. */
    public void moveTo(long customerId) {
        this.customerId = customerId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public String getReference() {
        return reference;
    }

    public Status getStatus() {
        return status;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDeliveryAddress() {
        return deliveryAddress;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public boolean isUpdatesOptIn() {
        return updatesOptIn;
    }

    public String getPaymentToken() {
        return paymentToken;
    }

    public Long getOfferId() {
        return offerId;
    }

    public Instant getReservedUntil() {
        return reservedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
