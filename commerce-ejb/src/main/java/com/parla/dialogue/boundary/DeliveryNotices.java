package com.parla.dialogue.boundary;

import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.conversation.boundary.Conversations;
import com.parla.delivery.boundary.Deliveries;
import com.parla.delivery.boundary.DeliveryBooked;
import com.parla.delivery.boundary.ShipmentUpdated;
import com.parla.delivery.boundary.ShipmentView;
import com.parla.dialogue.control.DeliveryReplies;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Tells customers who asked for delivery updates what happens to their parcel: the window booked after payment (with
 * alternatives), and each of the carrier's updates; free-form inside the service window, the store's approved update
 * template outside it. Written in the transaction that made the change; the windows offered become the choices a typed
 * answer picks from ("2" on WeChat).
 */
@Stateless
public class DeliveryNotices {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    StoreDirectory stores;

    @EJB
    Deliveries deliveries;

    @Inject
    Event<ChoicesShown> shown;

    public void booked(@Observes DeliveryBooked event) {
        ShipmentView shipment = event.shipment();
        remember(shipment, notices().tell(shipment.conversationId(), shipment.storeId(),
                (replies, texts) -> DeliveryReplies.booked(replies, texts, shipment, event.alternatives()),
                texts -> List.of(shipment.orderReference(), shipment.slot() == null ? ""
                        : texts.get("template.booked", "slot", DeliveryReplies.slot(texts, shipment.slot())))));
    }

    public void updated(@Observes ShipmentUpdated event) {
        ShipmentView shipment = event.shipment();
        if (!shipment.updatesOptIn()) {
            return;
        }
        var zone = stores.storeRef(shipment.storeId()).orElseThrow().timeZone();
        String url = deliveries.trackingUrl(shipment);
        remember(shipment, notices().tell(shipment.conversationId(), shipment.storeId(),
                (replies, texts) -> DeliveryReplies.updated(replies, texts, shipment, event.note(),
                        event.alternatives(), url, zone),
                texts -> List.of(shipment.orderReference(), DeliveryReplies.update(texts, shipment, event.note(), url,
                        zone))));
    }

    /** Windows offered become what a typed answer picks from. */
    private void remember(ShipmentView shipment, List<Choice> offered) {
        if (!offered.isEmpty()) {
            shown.fire(new ChoicesShown(shipment.conversationId(), offered));
        }
    }

    private ChatNotices notices() {
        return new ChatNotices(em, conversations, stores);
    }
}
