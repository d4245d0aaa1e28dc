package com.parla.connector.outbound.channel;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Kind;
import com.parla.connector.api.OutboundMessage.Media;
import com.parla.connector.api.OutboundMessage.PaymentRequest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static com.parla.connector.outbound.channel.Fixtures.assertBody;
import static com.parla.connector.outbound.channel.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessengerRendererTest {

    private final ChannelAccountRegistration account = Fixtures.messenger("https://graph.example/v25.0");
    private final MessengerRenderer renderer = new MessengerRenderer();

    private OutboundMessage.Builder msg(Kind kind) {
        return OutboundMessage.builder("store-fb", "PSID1", kind);
    }

    private ChannelRequest render(OutboundMessage.Builder b) {
        return renderer.render(b.build(), account);
    }

    private static List<Choice> slots() {
        return List.of(new Choice("SLOT_0900", "09-11h", null), new Choice("SLOT_1400", "14-16h", null));
    }

    @Test
    void buttonsAreQuickRepliesOnMeMessagesWithTokenInQuery() {
        ChannelRequest r = render(msg(Kind.BUTTONS).text("Pick a slot").choices(slots()).reference("outbox-42"));
        assertEquals("POST", r.method());
        assertEquals("https://graph.example/v25.0/me/messages?access_token=" + Fixtures.FB_TOKEN, r.uri().toString());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertBody("messenger/quick-replies.json", r);
        assertFalse(r.toString().contains(Fixtures.FB_TOKEN));
    }

    @Test
    void shortListIsAButtonTemplateLongListQuickReplies() {
        assertBody("messenger/list-buttons.json", render(msg(Kind.LIST).text("Pick a slot").choices(slots())));
        JsonObject message = parse(render(msg(Kind.LIST).text("Pick").choices(choices(5))).body()).getJsonObject("message");
        assertEquals(5, message.getJsonArray("quick_replies").size());
    }

    @Test
    void mediaProductTagAndPayment() {
        assertBody("messenger/image.json", render(msg(Kind.MEDIA).media(new Media("image", "https://cdn.example/x.jpg", null))));
        JsonObject file = parse(render(msg(Kind.MEDIA).media(new Media("document", "https://cdn.example/a.pdf", "a.pdf"))).body());
        assertEquals("file", file.getJsonObject("message").getJsonObject("attachment").getString("type"));
        JsonObject captioned = parse(render(msg(Kind.MEDIA).text("Blue shirt")
                .media(new Media("image", "https://cdn.example/x.jpg", null))).body());
        assertEquals("generic", captioned.getJsonObject("message").getJsonObject("attachment").getJsonObject("payload")
                .getString("template_type"));
        assertBody("messenger/product.json", render(msg(Kind.PRODUCT).header("Blue shirt").text("R$ 99,90")
                .productIds(List.of("SKU1")).media(new Media("image", "https://cdn.example/x.jpg", null))
                .choices(List.of(new Choice("ADD_SKU1", "Add to cart", null)))));
        JsonObject carousel = parse(render(msg(Kind.PRODUCT_LIST).productIds(List.of("SKU1", "SKU2")).listLabel("View")).body());
        assertEquals(2, carousel.getJsonObject("message").getJsonObject("attachment").getJsonObject("payload")
                .getJsonArray("elements").size());
        assertBody("messenger/tag.json", render(msg(Kind.TEMPLATE).text("Order A12 shipped")
                .template(new OutboundMessage.Template("POST_PURCHASE_UPDATE", null, List.of()))));
        assertBody("messenger/payment.json", render(msg(Kind.PAYMENT_REQUEST).text("Total R$ 214,80")
                .payment(new PaymentRequest("Pay order A12", null, "BRL", 21480, "order:A12", "https://pay.example/A12"))));
    }

    @Test
    void rowsThatAllHavePicturesAreACarouselOfCardsEachChosenByItsButton() {
        JsonObject payload = parse(render(msg(Kind.LIST).text("Here is what I found:").listLabel("See it")
                .choices(List.of(new Choice("p:1", "Ballet flat", "€89.00 · 38 ✓", "https://cdn.example/1.png"),
                        new Choice("p:2", "Pointed stiletto pump with a name far longer than any card title takes"
                                + " on Messenger", "€420.00 · 38 sold out", "https://cdn.example/2.png")))).body())
                .getJsonObject("message").getJsonObject("attachment").getJsonObject("payload");
        assertEquals("generic", payload.getString("template_type"));
        JsonObject first = payload.getJsonArray("elements").getJsonObject(0);
        assertEquals("Ballet flat", first.getString("title"));
        assertEquals("€89.00 · 38 ✓", first.getString("subtitle"));
        assertEquals("https://cdn.example/1.png", first.getString("image_url"));
        assertEquals("{\"type\":\"postback\",\"title\":\"See it\",\"payload\":\"p:1\"}",
                first.getJsonArray("buttons").getJsonObject(0).toString());
        assertEquals(80, payload.getJsonArray("elements").getJsonObject(1).getString("title").length(), "cut to 80");
        JsonObject oneWithout = parse(render(msg(Kind.LIST).text("Pick").choices(List.of(
                new Choice("p:1", "Ballet flat", "€89.00", "https://cdn.example/1.png"),
                new Choice("p:2", "Gift card", "€50.00")))).body()).getJsonObject("message");
        assertTrue(oneWithout.getString("text").startsWith("Pick\n\n1. Ballet flat"),
                "a row without a picture: all are written out " + oneWithout);
    }

    @Test
    void longRowsAreWrittenOutUnderQuickRepliesAndAPictureWithButtonsIsACard() {
        JsonObject list = parse(render(msg(Kind.LIST).text("Here is what I found:").listLabel("See products")
                .choices(List.of(new Choice("p:1", "Ballet flat", "€89.00 · 38 ✓"),
                        new Choice("p:2", "Pointed stiletto pump", "€420.00 · 38 sold out")))).body())
                .getJsonObject("message");
        assertEquals("Here is what I found:\n\n1. Ballet flat – €89.00 · 38 ✓\n2. Pointed stiletto pump – €420.00"
                + " · 38 sold out", list.getString("text"));
        assertEquals("Pointed stiletto pu…", list.getJsonArray("quick_replies").getJsonObject(1).getString("title"));
        assertEquals("p:2", list.getJsonArray("quick_replies").getJsonObject(1).getString("payload"));

        JsonObject card = parse(render(msg(Kind.BUTTONS).text("*Ballet flat* · €89.00\nSoft nappa.\nSizes: 36, 38")
                .media(new Media("image", "https://cdn.example/flat.png", null))
                .choices(List.of(new Choice("add:7", "Add size 38", null)))).body()).getJsonObject("message")
                .getJsonObject("attachment").getJsonObject("payload").getJsonArray("elements").getJsonObject(0);
        assertEquals("Ballet flat · €89.00", card.getString("title"));
        assertEquals("Soft nappa. Sizes: 36, 38", card.getString("subtitle"));
        assertEquals("https://cdn.example/flat.png", card.getString("image_url"));
        assertEquals("add:7", card.getJsonArray("buttons").getJsonObject(0).getString("payload"));

        assertEquals("Where shall we deliver?", parse(render(msg(Kind.LOCATION_REQUEST).text("Where shall we deliver?"))
                .body()).getJsonObject("message").getString("text"), "no location request: the question as text");
    }

    @Test
    void limitsAreEnforced() {
        assertUnsupported("quick replies must be 1 to 13, got 14", msg(Kind.BUTTONS).text("x").choices(choices(14)));
        assertUnsupported("button title 'abcdefghijklmnopqrstu' is 21 characters, at most 20 allowed",
                msg(Kind.BUTTONS).text("x").choices(List.of(new Choice("a", "abcdefghijklmnopqrstu", null))));
        assertUnsupported("payload is 1001", msg(Kind.BUTTONS).text("x").choices(List.of(new Choice("p".repeat(1001), "t", null))));
        assertUnsupported("text is 641 characters, at most 640", msg(Kind.LIST).text("x".repeat(641)).choices(slots()));
        assertUnsupported("text is 2001", msg(Kind.TEXT).text("x".repeat(2001)));
        assertUnsupported("template name must be a message tag", msg(Kind.TEMPLATE).text("hi")
                .template(new OutboundMessage.Template("order_shipped", "en", List.of())));
        assertUnsupported("a carousel has 1 to 10 cards, got 11", msg(Kind.PRODUCT_LIST)
                .productIds(IntStream.range(0, 11).mapToObj(i -> "SKU" + i).toList()));
        assertUnsupported("a video attachment cannot carry a caption", msg(Kind.MEDIA).text("c")
                .media(new Media("video", "https://x", null)));
        assertUnsupported("payment url", msg(Kind.PAYMENT_REQUEST).text("x")
                .payment(new PaymentRequest("Pay", null, "USD", 1, "p", null)));
    }

    private void assertUnsupported(String expected, OutboundMessage.Builder b) {
        UnsupportedMessageException e = assertThrows(UnsupportedMessageException.class, () -> render(b));
        assertTrue(e.getMessage().startsWith("messenger: ") && e.getMessage().contains(expected), e.getMessage());
    }

    private static List<Choice> choices(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Choice("P" + i, "T" + i, null)).toList();
    }
}
