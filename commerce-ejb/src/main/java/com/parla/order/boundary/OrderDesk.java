package com.parla.order.boundary;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.catalog.boundary.StockReservation;
import com.parla.customer.boundary.CustomerRef;
import com.parla.customer.boundary.Customers;
import com.parla.customer.boundary.CustomersJoined;
import com.parla.integration.boundary.EventPublisher;
import com.parla.platform.boundary.Codes;
import com.parla.order.control.SavedCodes;
import com.parla.order.entity.CustomerOrder;
import com.parla.order.entity.Offer;
import com.parla.platform.boundary.JsonBuilders;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders: placed from a cart or a BUY code with their stock reserved in the same transaction, paid by a payment
 * link or charged to a stored account, and lapsed when not paid in time. Each change that a customer hears of is
 * an event observed in the same transaction, so no message goes out for a change that rolled back.
 */
@Stateless
public class OrderDesk {

    public static final String CHARGE_REQUESTED = "parla.payment.charge_requested";
    public static final String ORDER_PLACED = "parla.order.placed";
    public static final String ORDER_PAID = "parla.order.paid";

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Carts carts;

    @EJB
    CatalogSearch catalog;

    @EJB
    StockReservation stock;

    @EJB
    Customers customers;

    @EJB
    EventPublisher events;

    @EJB
    PaymentReminders reminders;


    @Inject
    Event<OrderPaid> paid;

    @Inject
    Event<OrderLapsed> lapsed;

    /** A person's two records became one: their orders and the offers made to them go with the one that stays. */
    public void customersJoined(@Observes CustomersJoined event) {
        em.createQuery("select o from CustomerOrder o where o.storeId = :store and o.customerId = :customer",
                        CustomerOrder.class).setParameter("store", event.storeId()).setParameter("customer", event.from())
                .getResultList().forEach(o -> o.moveTo(event.into()));
        em.createQuery("select o from Offer o where o.storeId = :store and o.customerId = :customer", Offer.class)
                .setParameter("store", event.storeId()).setParameter("customer", event.from())
                .getResultList().forEach(o -> o.moveTo(event.into()));
    }

    /**
     * Orders the customer's cart, paid through a payment link; the cart is emptied. If a size ran out meanwhile,
     * nothing is ordered and the cart stays.
     */
    public Placement placeFromCart(long storeId, long customerId, Long conversationId, String currency,
                                   String address, LocalDate deliveryDate, boolean updatesOptIn,
                                   Duration reservation) {
        customers.holdForCheckout(storeId, customerId);
        CartView cart = carts.cart(storeId, customerId, currency);
        if (cart.isEmpty()) {
            return new Placement.Nothing();
        }
        Instant now = Instant.now();
        CustomerOrder order = new CustomerOrder(storeId, customerId, conversationId, reference(),
                CustomerOrder.PaymentMethod.PAYMENT_LINK, currency, now, now.plus(reservation));
        List<CartView.Item> reserved = new ArrayList<>();
        for (CartView.Item item : cart.items()) {
            if (!stock.reserve(storeId, item.variantId(), item.quantity())) {
                reserved.forEach(r -> stock.release(storeId, r.variantId(), r.quantity()));
                return new Placement.SoldOut(item.variantId(), item.productName(), item.size());
            }
            reserved.add(item);
            order.addLine(item.variantId(), item.productName(), item.size(), item.unitPrice(), item.quantity());
        }
        order.deliverTo(address, deliveryDate, updatesOptIn);
        order.setPaymentToken(Codes.token());
        em.persist(order);
        carts.empty(storeId, customerId);
        customers.rememberAddress(storeId, customerId, address);
        em.flush();
        applySavedCode(order);
        publishPlaced(order);
        reminders.schedule(order, now);
        return new Placement.Placed(OrderView.of(order));
    }

    /** The offer behind a BUY code, as this customer of this store may see it. */
    public OfferView offer(long storeId, long customerId, String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        Optional<Offer> found = em.createNamedQuery(Offer.BY_CODE, Offer.class).setParameter("code", normalized)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return OfferView.refused(normalized, OfferView.Standing.UNKNOWN);
        }
        Offer offer = found.get();
        if (offer.getStoreId() != storeId) {
            return OfferView.refused(normalized, OfferView.Standing.OTHER_STORE);
        }
        if (offer.getCustomerId() != customerId) {
            return OfferView.refused(normalized, OfferView.Standing.NOT_YOURS);
        }
        Optional<ProductSummary> product = catalog.productOfVariant(storeId, offer.getVariantId());
        ProductSummary.Size size = product.flatMap(p -> p.variant(offer.getVariantId())).orElse(null);
        OfferView.Standing standing = offer.isUsed() ? OfferView.Standing.USED
                : offer.isExpired(Instant.now()) ? OfferView.Standing.EXPIRED
                : size == null || !size.inStock() ? OfferView.Standing.SOLD_OUT : OfferView.Standing.OK;
        String orderReference = offer.isUsed() ? em.find(CustomerOrder.class, offer.getOrderId()).getReference()
                : null;
        return new OfferView(normalized, standing, offer.getVariantId(), product.map(ProductSummary::name)
                .orElse(null), size == null ? null : size.label(), offer.getPrice(), offer.getCurrency(),
                offer.getExpiresAt(), orderReference);
    }

    /**
     * Buys a BUY-code offer on the customer's stored account: the order is placed, its stock reserved and the
     * charge requested from the merchant's billing system, all in this transaction; the code is used once, even
     * when two confirmations race.
     *
     * @return the order, or why not (the offer's standing)
     */
    public Optional<OrderView> buyOffer(long storeId, long customerId, Long conversationId, String code,
                                        String address, Duration reservation) {
        OfferView view = offer(storeId, customerId, code);
        CustomerRef customer = customers.find(storeId, customerId).orElse(null);
        if (!view.takeable() || customer == null || !customer.hasStoredAccount()) {
            return Optional.empty();
        }
        Offer offer = em.createNamedQuery(Offer.BY_CODE, Offer.class).setParameter("code", view.code())
                .getSingleResult();
        Instant now = Instant.now();
        CustomerOrder order = new CustomerOrder(storeId, customerId, conversationId, reference(),
                CustomerOrder.PaymentMethod.STORED_ACCOUNT, offer.getCurrency(), now, now.plus(reservation));
        order.addLine(offer.getVariantId(), view.productName(), view.size(), offer.getPrice(), 1);
        order.deliverTo(address, null, true);
        order.setOfferId(offer.getId());
        if (!stock.reserve(storeId, offer.getVariantId(), 1)) {
            return Optional.empty();
        }
        em.persist(order);
        em.flush();
        // the code is taken by exactly one order: the loser of a race rolls back with its reservation
        int taken = em.createQuery("update Offer o set o.orderId = :order where o.id = :id and o.orderId is null")
                .setParameter("order", order.getId()).setParameter("id", offer.getId()).executeUpdate();
        if (taken != 1) {
            throw new OfferTakenException(view.code());
        }
        applySavedCode(order);
        publishPlaced(order);
        events.publish(CHARGE_REQUESTED, "order/" + order.getReference(), JsonBuilders.object()
                .add("store", storeId).add("order", order.getReference()).add("account", customer.paymentAccount())
                .add("amount", order.getTotal().toPlainString()).add("currency", order.getCurrency()).build());
        return Optional.of(OrderView.of(order));
    }

    /** A BUY-code offer of a size to one customer of the store, until {@code expiresAt}. */
    public OfferView createOffer(long storeId, long customerId, long variantId, BigDecimal price, Instant expiresAt,
                                 String createdBy) {
        return createOfferWithCode(storeId, customerId, variantId, price, expiresAt, createdBy, Codes.readable(6));
    }

    /** {@link #createOffer} with a code chosen by the caller (the demo's documented one). */
    public OfferView createOfferWithCode(long storeId, long customerId, long variantId, BigDecimal price,
                                         Instant expiresAt, String createdBy, String code) {
        ProductSummary product = catalog.productOfVariant(storeId, variantId)
                .orElseThrow(() -> new IllegalArgumentException("no variant " + variantId + " in this store"));
        customers.find(storeId, customerId)
                .orElseThrow(() -> new IllegalArgumentException("no customer " + customerId + " in this store"));
        if (price.signum() < 0 || !expiresAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("an offer needs a price of zero or more and an expiry in the future");
        }
        Offer offer = new Offer(storeId, customerId, code.toUpperCase(Locale.ROOT), variantId, price, product.currency(),
                expiresAt, createdBy, Instant.now());
        em.persist(offer);
        em.flush();
        return offer(storeId, customerId, offer.getCode());
    }

    /**
     * The payment of an order was captured (payment page, billing system, Telegram): the order is paid, once.
     *
     * @return false if it was not awaiting payment (paid before: a redelivered capture has no second effect)
     */
    public boolean captured(String reference, Instant at) {
        CustomerOrder order = byReference(reference).orElseThrow(() -> new UnknownOrderException(reference));
        if (!leaveAwaitingPayment(order, CustomerOrder.Status.PAID, at)) {
            return false;
        }
        OrderView view = OrderView.of(order);
        events.publish(ORDER_PAID, "order/" + reference, JsonBuilders.object().add("store", order.getStoreId())
                .add("order", reference).add("total", order.getTotal().toPlainString())
                .add("currency", order.getCurrency()).build());
        paid.fire(new OrderPaid(view));
        return true;
    }

    /** A payment failed or was declined: the order lapses and its stock goes back. */
    public boolean failed(String reference, String reason) {
        CustomerOrder order = byReference(reference).orElseThrow(() -> new UnknownOrderException(reference));
        return lapse(order, CustomerOrder.Status.CANCELLED, reason);
    }

    /** Unpaid orders whose reservation ran out lapse: their stock goes back on sale. */
    public int expireReservations(Instant now) {
        List<CustomerOrder> expired = em.createNamedQuery(CustomerOrder.EXPIRED, CustomerOrder.class)
                .setParameter("status", CustomerOrder.Status.AWAITING_PAYMENT).setParameter("now", now)
                .setMaxResults(100).getResultList();
        expired.forEach(o -> lapse(o, CustomerOrder.Status.EXPIRED, "not paid in time"));
        return expired.size();
    }

    private boolean lapse(CustomerOrder order, CustomerOrder.Status ending, String reason) {
        if (!leaveAwaitingPayment(order, ending, Instant.now())) {
            return false;
        }
        order.getLines().forEach(l -> stock.release(order.getStoreId(), l.getVariantId(), l.getQuantity()));
        new SavedCodes(em).giveBack(order.getId());
        if (order.getOfferId() != null) {
            // the code can be used again while it has not expired
            em.createQuery("update Offer o set o.orderId = null where o.id = :id").setParameter("id",
                    order.getOfferId()).executeUpdate();
        }
        lapsed.fire(new OrderLapsed(OrderView.of(order), reason));
        return true;
    }

    /**
     * Moves an order on from awaiting payment, by a conditional update: of two captures (or a capture and an expiry)
     * racing on two threads or servers, exactly one moves it.
     */
    private boolean leaveAwaitingPayment(CustomerOrder order, CustomerOrder.Status to, Instant at) {
        int moved = em.createQuery("update CustomerOrder o set o.status = :to, o.paidAt = :paidAt,"
                        + " o.reservedUntil = null, o.updatedAt = :at where o.id = :id and o.status = :awaiting")
                .setParameter("to", to).setParameter("paidAt", to == CustomerOrder.Status.PAID ? at : null)
                .setParameter("at", at).setParameter("id", order.getId())
                .setParameter("awaiting", CustomerOrder.Status.AWAITING_PAYMENT).executeUpdate();
        if (moved == 1) {
            em.refresh(order);
        }
        return moved == 1;
    }

    /**
     * The customer's rating of their order, 1 to 5, once.
     *
     * @return the order rated; empty if it is not theirs, or was rated before
     */
    public Optional<OrderView> rate(long storeId, long customerId, long orderId, int stars, Instant at) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars, not " + stars);
        }
        CustomerOrder order = em.find(CustomerOrder.class, orderId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.getStoreId() != storeId || order.getCustomerId() != customerId
                || !order.rate(stars, at)) {
            return Optional.empty();
        }
        return Optional.of(OrderView.of(order));
    }

    /** The order of that id, whichever store's (for scheduled work, which names it so). */
    public Optional<OrderView> order(long orderId) {
        return Optional.ofNullable(em.find(CustomerOrder.class, orderId)).map(OrderView::of);
    }

    public Optional<OrderView> order(long storeId, long orderId) {
        return Optional.ofNullable(em.find(CustomerOrder.class, orderId)).filter(o -> o.getStoreId() == storeId)
                .map(OrderView::of);
    }

    /** The customer's saved code that expires first takes its share of the order just stored. */
    private void applySavedCode(CustomerOrder order) {
        new SavedCodes(em).applyTo(order.getStoreId(), order.getCustomerId(), order.getId(), order.getTotal())
                .ifPresent(applied -> order.discount(applied.code(), applied.amount()));
    }

    public Optional<OrderView> byPaymentToken(String token) {
        return em.createNamedQuery(CustomerOrder.BY_PAYMENT_TOKEN, CustomerOrder.class).setParameter("token", token)
                .getResultStream().findFirst().map(OrderView::of);
    }

    /** The order of that reference, whichever store's (for the billing and carrier feeds, which name it so). */
    public Optional<OrderView> order(String reference) {
        return byReference(reference).map(OrderView::of);
    }

    public Optional<OrderView> order(long storeId, String reference) {
        return byReference(reference).filter(o -> o.getStoreId() == storeId).map(OrderView::of);
    }

    /** The customer's orders not yet delivered: what "my order" means. */
    public List<OrderView> openOrders(long storeId, long customerId) {
        return em.createNamedQuery(CustomerOrder.OPEN_OF_CUSTOMER, CustomerOrder.class).setParameter("store", storeId)
                .setParameter("customer", customerId).setParameter("statuses", List.of(
                        CustomerOrder.Status.AWAITING_PAYMENT, CustomerOrder.Status.PAID))
                .setMaxResults(10).getResultStream().map(OrderView::of).toList();
    }

    private Optional<CustomerOrder> byReference(String reference) {
        return em.createNamedQuery(CustomerOrder.BY_REFERENCE, CustomerOrder.class)
                .setParameter("reference", reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    private void publishPlaced(CustomerOrder order) {
        events.publish(ORDER_PLACED, "order/" + order.getReference(), JsonBuilders.object()
                .add("store", order.getStoreId()).add("order", order.getReference())
                .add("paymentMethod", order.getPaymentMethod().name())
                .add("total", order.getTotal().toPlainString()).add("currency", order.getCurrency()).build());
    }

    /**
     * A new order reference: six readable characters (about 9 × 10^8 of them), drawn again while an order has it, so
     * that a year of orders never makes a checkout fail on the unique key.
     */
    private String reference() {
        for (int draw = 0; draw < 10; draw++) {
            String reference = "P-" + Codes.readable(6);
            if (em.createNamedQuery(CustomerOrder.BY_REFERENCE, CustomerOrder.class)
                    .setParameter("reference", reference).getResultList().isEmpty()) {
                return reference;
            }
        }
        throw new IllegalStateException("No free order reference in 10 draws");
    }
}
