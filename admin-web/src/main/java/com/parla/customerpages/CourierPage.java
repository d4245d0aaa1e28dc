package com.parla.customerpages;

import com.parla.delivery.boundary.ShipmentView;
import com.parla.platform.boundary.JsonBuilders;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The courier's view of a delivery, {@code /c/courier/{token}} (the link goes to the carrier with the booking): the
 * address, the window, and live, where the customer asked to be met, until the parcel is delivered.
 */
@WebServlet(urlPatterns = "/c/courier/*", asyncSupported = true)
public class CourierPage extends ShipmentPage {

    @Override
    String kind() {
        return "courier";
    }

    @Override
    Optional<ShipmentView> find(String token) {
        return deliveries.byCourierToken(token);
    }

    @Override
    String title(ShipmentView shipment) {
        return "Delivery " + shipment.orderReference();
    }

    @Override
    void addTo(JsonObjectBuilder state, ShipmentView shipment, ZoneId zone) {
        state.add("address", shipment.deliveryAddress() == null ? "" : shipment.deliveryAddress());
        ShipmentView.Meeting meeting = shipment.meeting();
        if (meeting != null) {
            JsonObjectBuilder point = JsonBuilders.object().add("shared", time(meeting.sharedAt(), zone))
                    .add("label", meeting.address() == null ? "" : meeting.address());
            if (meeting.position() != null) {
                point.add("latitude", meeting.position().latitude()).add("longitude", meeting.position().longitude());
            }
            state.add("meeting", point);
        }
    }

    @Override
    String more(ShipmentView shipment, ZoneId zone) {
        StringBuilder html = new StringBuilder("<p id=\"address\">Address: ")
                .append(CustomerPage.escape(shipment.deliveryAddress())).append("</p><div id=\"meeting\">");
        ShipmentView.Meeting meeting = shipment.meeting();
        if (meeting != null) {
            html.append("<p class=\"ok\">The customer asked to be met").append(meeting.address() == null ? ""
                    : " at " + CustomerPage.escape(meeting.address())).append(" (shared at ")
                    .append(time(meeting.sharedAt(), zone)).append(")</p>");
            if (meeting.position() != null) {
                html.append(position("Meeting point", meeting.position().latitude(), meeting.position().longitude()));
            }
        } else if (shipment.isDelivered()) {
            html.append("<p class=\"muted\">Delivered: no meeting point any more.</p>");
        }
        return html.append("</div>").toString();
    }
}
