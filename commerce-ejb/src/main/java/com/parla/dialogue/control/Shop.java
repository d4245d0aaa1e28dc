package com.parla.dialogue.control;

import com.parla.aftersales.boundary.Aftercare;
import com.parla.catalog.boundary.CatalogSearch;
import com.parla.customer.boundary.Customers;
import com.parla.customer.boundary.IdentityLinks;
import com.parla.delivery.boundary.Deliveries;
import com.parla.intent.boundary.IntentRecognition;
import com.parla.order.boundary.Carts;
import com.parla.order.boundary.DiscountCodes;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.PaymentLinks;

/**
 * What the engine works with: the other components, at their boundaries.
 *
 * @param publicUrl           where customers' browsers reach Parla (product images, payment links)
 * @param reservationMinutes  overrides every store's reservation time when set ({@code
 *                            parla.orders.reservation-minutes}, for trying expiry out)
 */
public record Shop(IntentRecognition intents, CatalogSearch catalog, Carts carts, OrderDesk orders,
                   Customers customers, IdentityLinks identityLinks, PaymentLinks paymentLinks, Deliveries deliveries,
                   Aftercare aftercare, DiscountCodes discountCodes, String publicUrl,
                   java.util.Optional<Integer> reservationMinutes) {

    /** How long an unpaid order holds its stock in that store. */
    public int reservationMinutes(com.parla.store.boundary.StoreRef store) {
        return reservationMinutes.orElse(store.reservationMinutes());
    }
}
