package com.parla.customerpages;

import com.parla.delivery.boundary.ShipmentView;
import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;

/**
 * The customer's live tracking page, {@code /c/track/{token}}: status, window, ETA, the courier's last position and
 * the timeline. Nothing of the customer is on it, not even the meeting point they shared (only the courier's link
 * shows that).
 */
@WebServlet(urlPatterns = "/c/track/*", asyncSupported = true)
public class TrackingPage extends ShipmentPage {

    @Override
    String kind() {
        return "track";
    }

    @Override
    Optional<ShipmentView> find(String token) {
        return deliveries.byTrackingToken(token);
    }

    @Override
    String title(ShipmentView shipment) {
        return "Your delivery";
    }
}
