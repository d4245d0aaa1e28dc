package com.parla.customerpages;

import com.parla.delivery.boundary.Deliveries;
import com.parla.delivery.boundary.ShipmentView;
import com.parla.platform.boundary.JsonBuilders;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A live page of a shipment, opened by an unguessable token: rendered whole on the server (useful without script
 * and without a map), then kept up to date by server-sent events ({@code …/events}) that the page's script applies.
 * Map tiles are shown only when {@code parla.tracking.tile-url} names a tile server.
 */
abstract class ShipmentPage extends HttpServlet {

    static final Map<String, String> STATUS = Map.of("BOOKED", "Booked", "ACCEPTED", "With the courier",
            "OUT_FOR_DELIVERY", "Out for delivery", "FAILED_ATTEMPT", "Delivery attempt failed",
            "DELIVERED", "Delivered");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ENGLISH);
    private static final long STREAM_MS = 10 * 60_000;

    @EJB
    Deliveries deliveries;

    @EJB
    StoreDirectory stores;

    @Inject
    LiveShipments live;

    /** An XYZ tile server ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"), or none: then no map. */
    @Inject
    @ConfigProperty(name = "parla.tracking.tile-url")
    Optional<String> tileUrl;

    /** "track" or "courier": the page's URL segment. */
    abstract String kind();

    abstract Optional<ShipmentView> find(String token);

    abstract String title(ShipmentView shipment);

    /** What this page adds to the shared state (the courier's view: the meeting point). */
    void addTo(JsonObjectBuilder state, ShipmentView shipment, ZoneId zone) {
    }

    /** What this page shows besides the shared state, already safe HTML. */
    String more(ShipmentView shipment, ZoneId zone) {
        return "";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = CustomerPage.token(request);
        Optional<ShipmentView> shipment = find(token);
        if (shipment.isEmpty()) {
            CustomerPage.write(response, HttpServletResponse.SC_NOT_FOUND, "Delivery", "<p class=\"error\">This link"
                    + " is not valid.</p>", "default-src 'none'; style-src 'unsafe-inline'", "");
            return;
        }
        if (CustomerPage.wantsEvents(request)) {
            stream(request, response, token);
            return;
        }
        ShipmentView view = shipment.get();
        StoreRef store = stores.storeRef(view.storeId()).orElseThrow();
        String state = state(view, store.timeZone());
        String script = "<script src=\"" + request.getContextPath() + "/resources/js/live-shipment.js\" defer"
                + " id=\"live-script\" data-events=\"" + request.getContextPath() + "/c/" + kind() + "/"
                + CustomerPage.escape(token) + "/events\" data-tiles=\"" + CustomerPage.escape(tileUrl.orElse(""))
                + "\" data-state=\"" + CustomerPage.escape(state) + "\"></script>";
        String tiles = tileUrl.map(ShipmentPage::origin).orElse("");
        CustomerPage.write(response, 200, title(view), body(view, store), "default-src 'none'; style-src"
                + " 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self'" + tiles, script);
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        if (!live.hasRoomFor(token)) {
            response.setHeader("Retry-After", "30");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many open pages of this delivery");
            return;
        }
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext context = request.startAsync();
        context.setTimeout(STREAM_MS); // the browser's EventSource opens a new one after it
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                live.close(context);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                live.close(context);
            }

            @Override
            public void onError(AsyncEvent event) {
                live.close(context);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ZoneId zone = find(token).flatMap(v -> stores.storeRef(v.storeId())).map(StoreRef::timeZone)
                .orElse(ZoneId.of("UTC"));
        live.open(context, kind(), token, this::find, view -> state(view, zone));
    }

    /** The state the page shows, as its script reads it. */
    String state(ShipmentView shipment, ZoneId zone) {
        JsonObjectBuilder state = JsonBuilders.object().add("revision", shipment.revision())
                .add("status", shipment.status()).add("statusText", STATUS.get(shipment.status()))
                .add("slot", shipment.slot() == null ? "" : DAY.format(shipment.slot().day()) + ", "
                        + TIME.format(shipment.slot().from()) + "–" + TIME.format(shipment.slot().to()))
                .add("eta", shipment.eta() == null || shipment.isDelivered() ? "" : time(shipment.eta(), zone));
        if (shipment.courier() != null && shipment.isOutForDelivery()) {
            state.add("courier", JsonBuilders.object().add("latitude", shipment.courier().latitude())
                    .add("longitude", shipment.courier().longitude())
                    .add("seen", time(shipment.courierSeenAt(), zone)));
        }
        JsonArrayBuilder steps = JsonBuilders.array();
        shipment.steps().forEach(s -> steps.add(JsonBuilders.object().add("text", STATUS.get(s.status())
                + (s.note() == null ? "" : " (" + s.note() + ")")).add("at", DAY.format(s.at().atZone(zone)) + " "
                + time(s.at(), zone))));
        state.add("steps", steps);
        addTo(state, shipment, zone);
        return state.build().toString();
    }

    private String body(ShipmentView shipment, StoreRef store) {
        ZoneId zone = store.timeZone();
        StringBuilder html = new StringBuilder();
        html.append("<p class=\"muted\">Order <span id=\"reference\">").append(CustomerPage.escape(
                shipment.orderReference())).append("</span> · ").append(CustomerPage.escape(store.name()))
                .append("</p><p class=\"status\" id=\"status\">").append(STATUS.get(shipment.status())).append("</p>")
                .append("<p id=\"slot\">").append(shipment.slot() == null ? "" : "Delivery window: "
                        + DAY.format(shipment.slot().day()) + ", " + TIME.format(shipment.slot().from()) + "–"
                        + TIME.format(shipment.slot().to())).append("</p><p id=\"eta\">")
                .append(shipment.eta() == null || shipment.isDelivered() ? ""
                        : "Expected around " + time(shipment.eta(), zone)).append("</p><div id=\"courier\">");
        if (shipment.courier() != null && shipment.isOutForDelivery()) {
            html.append(position("Courier last seen at " + time(shipment.courierSeenAt(), zone),
                    shipment.courier().latitude(), shipment.courier().longitude()));
        }
        html.append("</div><div id=\"map\" class=\"map\" hidden></div>").append(more(shipment, zone))
                .append("<h2>Timeline</h2><ol class=\"timeline\" id=\"timeline\">");
        shipment.steps().forEach(s -> html.append("<li>").append(CustomerPage.escape(STATUS.get(s.status())
                + (s.note() == null ? "" : " (" + s.note() + ")"))).append(" <span class=\"muted\">")
                .append(DAY.format(s.at().atZone(zone))).append(' ').append(time(s.at(), zone))
                .append("</span></li>"));
        return html.append("</ol><p class=\"muted\" id=\"live\">This page updates by itself.</p>").toString();
    }

    /** A place in words and a link to a map, with its coordinates. */
    static String position(String label, double latitude, double longitude) {
        String coordinates = String.format(Locale.ROOT, "%.5f, %.5f", latitude, longitude);
        return "<p>" + CustomerPage.escape(label) + ": <span class=\"coordinates\">" + coordinates + "</span> <a"
                + " rel=\"noreferrer\" href=\"https://www.openstreetmap.org/?mlat=" + String.format(Locale.ROOT,
                "%.5f&amp;mlon=%.5f#map=17/%.5f/%.5f", latitude, longitude, latitude, longitude)
                + "\">Open in a map</a></p>";
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url.replace("{", "").replace("}", ""));
        return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
