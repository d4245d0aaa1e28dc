package com.parla.order.boundary;

import com.parla.order.entity.CustomerOrder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as the chat, the payment page and the API show it.
 *
 * @param discountCode the saved code that took {@code discount} off the total, or null
 * @param rating       the customer's rating, 1 to 5, or null
 */
public record OrderView(long id, long storeId, long customerId, Long conversationId, String reference, String status,
                        String paymentMethod, BigDecimal total, String currency, String deliveryAddress,
                        LocalDate deliveryDate, boolean updatesOptIn, String paymentToken, Instant reservedUntil,
                        Instant createdAt, Instant paidAt, List<Line> lines, String discountCode,
                        BigDecimal discount, Integer rating) implements Serializable {

    public record Line(String productName, String size, int quantity, BigDecimal unitPrice) implements Serializable {
    }

    static OrderView of(CustomerOrder o) {
        return new OrderView(o.getId(), o.getStoreId(), o.getCustomerId(), o.getConversationId(), o.getReference(),
                o.getStatus().name(), o.getPaymentMethod().name(), o.getTotal(), o.getCurrency(),
                o.getDeliveryAddress(), o.getDeliveryDate(), o.isUpdatesOptIn(), o.getPaymentToken(),
                o.getReservedUntil(), o.getCreatedAt(), o.getPaidAt(), o.getLines().stream()
                .map(l -> new Line(l.getProductName(), l.getSizeLabel(), l.getQuantity(), l.getUnitPrice())).toList(),
                o.getDiscountCode(), o.getDiscount(), o.getRating());
    }

    /** The total in the currency's smallest unit, as payment APIs take it. */
    public long totalMinor() {
        return total.movePointRight(java.util.Currency.getInstance(currency).getDefaultFractionDigits())
                .longValueExact();
    }

    public boolean isPaid() {
        return "PAID".equals(status);
    }

    public boolean awaitsPayment() {
        return "AWAITING_PAYMENT".equals(status);
    }
}
