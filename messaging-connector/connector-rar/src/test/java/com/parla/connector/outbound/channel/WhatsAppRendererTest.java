package com.parla.connector.outbound.channel;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Kind;
import com.parla.connector.api.OutboundMessage.Media;
import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static com.parla.connector.outbound.channel.Fixtures.assertBody;
import static com.parla.connector.outbound.channel.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatsAppRendererTest {

    private final ChannelAccountRegistration account = Fixtures.whatsapp("https://graph.example/v25.0/");
    private final WhatsAppRenderer renderer = new WhatsAppRenderer();
    private static final String TO = "5511999990000";

    private OutboundMessage.Builder msg(Kind kind) {
        return OutboundMessage.builder("store-wa", TO, kind);
    }

    private ChannelRequest render(OutboundMessage.Builder b) {
        return renderer.render(b.build(), account);
    }

    @Test
    void textGoesToThePhoneNumbersMessagesWithBearerToken() {
        ChannelRequest r = render(msg(Kind.TEXT).text("Your order #A12 shipped").replyTo("wamid.USER_MSG")
                .reference("outbox-42"));
        assertEquals("POST", r.method());
        assertEquals("https://graph.example/v25.0/1065550001/messages", r.uri().toString());
        assertEquals("Bearer " + Fixtures.WA_TOKEN, r.headers().get("Authorization"));
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertBody("whatsapp/text.json", r);
        assertFalse(r.toString().contains(Fixtures.WA_TOKEN));
    }

    @Test
    void businessScopedUserIdGoesInRecipient() {
        JsonObject body = parse(renderer.render(OutboundMessage.text("store-wa", "US.1349abc", "hi"), account).body());
        assertEquals("US.1349abc", body.getString("recipient"));
        assertFalse(body.containsKey("to"));
    }

    @Test
    void replyButtons() {
        assertBody("whatsapp/buttons.json", render(msg(Kind.BUTTONS).header("Order A12").text("Delivery tomorrow 9-11h")
                .footer("Store A").choices(List.of(new Choice("ok_A12", "OK", null),
                        new Choice("resched_A12", "Reschedule", null)))));
    }

    @Test
    void list() {
        assertBody("whatsapp/list.json", render(msg(Kind.LIST).header("New slot").text("Pick a delivery slot")
                .listLabel("Choose").choices(List.of(new Choice("slot_0900", "09:00-11:00", "Morning"),
                        new Choice("slot_1400", "14:00-16:00", null)))));
    }

    @Test
    void documentByLinkWithCaptionAndFileName() {
        assertBody("whatsapp/document.json", render(msg(Kind.MEDIA).text("Your invoice")
                .media(new Media("document", "https://cdn.example/invoice-A12.pdf", "invoice-A12.pdf"))));
    }

    @Test
    void productAndProductList() {
        assertBody("whatsapp/product.json", render(msg(Kind.PRODUCT).text("Our pick").catalogId("CAT1")
                .productIds(List.of("SKU1"))));
        assertBody("whatsapp/product-list.json", render(msg(Kind.PRODUCT_LIST).header("Summer").text("Browse")
                .catalogId("CAT1").productIds(List.of("SKU1", "SKU2"))));
    }

    @Test
    void locationRequestTemplateAndPayment() {
        assertBody("whatsapp/location-request.json", render(msg(Kind.LOCATION_REQUEST).text("Share your delivery location")));
        assertBody("whatsapp/template.json", render(msg(Kind.TEMPLATE).reference("outbox-43")
                .template(new OutboundMessage.Template("order_shipped", "pt_BR", List.of("A12", "June 3")))));
        assertBody("whatsapp/payment.json", render(msg(Kind.PAYMENT_REQUEST).text("Total R$ 214,80")
                .payment(new OutboundMessage.PaymentRequest("Pay order A12", null, "BRL", 21480, "order:A12",
                        "https://pay.example/A12"))));
    }

    @Test
    void limitsAreEnforced() {
        List<Choice> four = choices(4, "b");
        assertUnsupported("reply buttons must be 1 to 3, got 4", msg(Kind.BUTTONS).text("x").choices(four));
        assertUnsupported("reply buttons must be 1 to 3, got 0", msg(Kind.BUTTONS).text("x"));
        assertUnsupported("button title 'abcdefghijklmnopqrstu' is 21 characters, at most 20 allowed",
                msg(Kind.BUTTONS).text("x").choices(List.of(new Choice("a", "abcdefghijklmnopqrstu", null))));
        assertUnsupported("button id", msg(Kind.BUTTONS).text("x").choices(List.of(new Choice("i".repeat(257), "t", null))));
        assertUnsupported("body is 1025 characters, at most 1024 allowed",
                msg(Kind.BUTTONS).text("y".repeat(1025)).choices(choices(1, "b")));
        assertUnsupported("text (the interactive body) is required", msg(Kind.BUTTONS).choices(choices(1, "b")));
        assertUnsupported("list rows must be 1 to 10, got 11", msg(Kind.LIST).text("x").listLabel("Go").choices(choices(11, "r")));
        assertUnsupported("row title", msg(Kind.LIST).text("x").listLabel("Go")
                .choices(List.of(new Choice("a", "t".repeat(25), null))));
        assertUnsupported("row description", msg(Kind.LIST).text("x").listLabel("Go")
                .choices(List.of(new Choice("a", "t", "d".repeat(73)))));
        assertUnsupported("listLabel is 21", msg(Kind.LIST).text("x").listLabel("L".repeat(21)).choices(choices(1, "r")));
        assertUnsupported("listLabel (the button that opens the list) is required", msg(Kind.LIST).text("x").choices(choices(1, "r")));
        assertUnsupported("product list must have 1 to 30 products, got 31", msg(Kind.PRODUCT_LIST).header("h").text("x")
                .catalogId("C").productIds(IntStream.range(0, 31).mapToObj(i -> "SKU" + i).toList()));
        assertUnsupported("header (required for a product list) is required", msg(Kind.PRODUCT_LIST).text("x")
                .catalogId("C").productIds(List.of("SKU1")));
        assertUnsupported("catalogId is required", msg(Kind.PRODUCT).productIds(List.of("SKU1")));
        assertUnsupported("media type must be one of", msg(Kind.MEDIA).media(new Media("sticker", "https://x", null)));
        assertUnsupported("audio cannot carry a caption", msg(Kind.MEDIA).text("c").media(new Media("audio", "https://x", null)));
        assertUnsupported("template language is required", msg(Kind.TEMPLATE)
                .template(new OutboundMessage.Template("t", null, List.of())));
        assertUnsupported("payment url", msg(Kind.PAYMENT_REQUEST).text("x")
                .payment(new OutboundMessage.PaymentRequest("Pay", null, "INR", 100, "p", null)));
        assertUnsupported("header is 61", msg(Kind.BUTTONS).header("h".repeat(61)).text("x").choices(choices(1, "b")));
    }

    @Test
    void emojiCountAsOneCharacter() {
        String title = "\uD83D\uDE00".repeat(20); // 20 emoji = 40 UTF-16 units, still 20 characters
        assertTrue(render(msg(Kind.BUTTONS).text("x").choices(List.of(new Choice("a", title, null)))).body().contains(title));
    }

    private void assertUnsupported(String expected, OutboundMessage.Builder b) {
        UnsupportedMessageException e = assertThrows(UnsupportedMessageException.class, () -> render(b));
        assertTrue(e.getMessage().startsWith("whatsapp: ") && e.getMessage().contains(expected), e.getMessage());
    }

    static List<Choice> choices(int n, String prefix) {
        return n == 0 ? Collections.emptyList()
                : IntStream.range(0, n).mapToObj(i -> new Choice(prefix + i, "T" + i, null)).toList();
    }
}
