package com.parla.connector.outbound.channel;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Kind;
import com.parla.connector.api.OutboundMessage.Media;
import com.parla.connector.api.OutboundMessage.PaymentRequest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.parla.connector.outbound.channel.Fixtures.assertBody;
import static com.parla.connector.outbound.channel.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramRendererTest {

    private final ChannelAccountRegistration account = Fixtures.telegram("https://api.telegram.example");
    private final TelegramRenderer renderer = new TelegramRenderer();

    private OutboundMessage.Builder msg(Kind kind) {
        return OutboundMessage.builder("store-tg", "123456789", kind);
    }

    private ChannelRequest render(OutboundMessage.Builder b) {
        return renderer.render(b.build(), account);
    }

    private String method(ChannelRequest r) {
        String path = r.uri().getPath();
        assertTrue(path.startsWith("/bot" + Fixtures.TG_TOKEN + "/"), path);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void textIsSendMessageToTheBotPath() {
        ChannelRequest r = render(msg(Kind.TEXT).text("Your order A12 shipped").replyTo("11"));
        assertEquals("POST", r.method());
        assertEquals("https://api.telegram.example/bot" + Fixtures.TG_TOKEN + "/sendMessage", r.uri().toString());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertFalse(r.headers().containsKey("Authorization"));
        assertBody("telegram/text.json", r);
        assertFalse(r.toString().contains(Fixtures.TG_TOKEN));
    }

    @Test
    void buttonsInOneRowListOnePerRowWithBoldHeader() {
        ChannelRequest buttons = render(msg(Kind.BUTTONS).text("Delivery A12: tomorrow 9-11h").choices(List.of(
                new Choice("ok:A12", "✅ OK", null), new Choice("resched:A12", "🔁 Reschedule", null))));
        assertEquals("sendMessage", method(buttons));
        assertBody("telegram/buttons.json", buttons);
        assertBody("telegram/list.json", render(msg(Kind.LIST).header("New slot").text("Pick a delivery slot")
                .listLabel("Choose").choices(List.of(new Choice("slot_0900", "09:00-11:00", "Morning"),
                        new Choice("slot_1400", "14:00-16:00", null)))));
    }

    @Test
    void buttonsUnderAPictureAreAPhotoWithItsCaptionAndKeyboard() {
        ChannelRequest card = render(msg(Kind.BUTTONS).text("Ballet flat · €89.00").media(new Media("image",
                "https://cdn.example/flat.png", null)).choices(List.of(new Choice("add:9", "Add size 38", null))));
        assertEquals("sendPhoto", method(card));
        JsonObject body = parse(card.body());
        assertEquals("https://cdn.example/flat.png", body.getString("photo"));
        assertEquals("Ballet flat · €89.00", body.getString("caption"));
        assertEquals("add:9", body.getJsonObject("reply_markup").getJsonArray("inline_keyboard").getJsonArray(0)
                .getJsonObject(0).getString("callback_data"));
        assertFalse(body.containsKey("text"));
    }

    @Test
    void htmlIsEscapedWhenHeaderMakesItFormatted() {
        JsonObject body = parse(render(msg(Kind.TEXT).header("A&B").text("1 < 2")).body());
        assertEquals("<b>A&amp;B</b>\n1 &lt; 2", body.getString("text"));
        assertEquals("HTML", body.getString("parse_mode"));
        assertFalse(parse(render(msg(Kind.TEXT).text("1 < 2")).body()).containsKey("parse_mode"));
    }

    @Test
    void mediaAndProducts() {
        ChannelRequest photo = render(msg(Kind.MEDIA).text("Blue shirt").media(new Media("image", "https://cdn.example/x.jpg", null)));
        assertEquals("sendPhoto", method(photo));
        assertBody("telegram/photo.json", photo);
        ChannelRequest doc = render(msg(Kind.MEDIA).media(new Media("document", "https://cdn.example/a.pdf", "a.pdf")));
        assertEquals("sendDocument", method(doc));
        assertEquals("https://cdn.example/a.pdf", parse(doc.body()).getString("document"));
        ChannelRequest card = render(msg(Kind.PRODUCT).text("Blue shirt").productIds(List.of("SKU1"))
                .media(new Media("image", "https://cdn.example/x.jpg", null)));
        assertEquals("sendPhoto", method(card));
        assertBody("telegram/photo.json", card);
        assertEquals("sendMessage", method(render(msg(Kind.PRODUCT).text("Blue shirt").productIds(List.of("SKU1")))));
        ChannelRequest list = render(msg(Kind.PRODUCT_LIST).text("Summer picks").productIds(List.of("SKU1", "SKU2")));
        assertEquals("sendMessage", method(list));
        assertBody("telegram/product-list.json", list);
    }

    @Test
    void locationRequestIsAOneTimeReplyKeyboard() {
        assertBody("telegram/location-request.json", render(msg(Kind.LOCATION_REQUEST).text("Share your location")
                .listLabel("📍 Send location")));
    }

    @Test
    void templateNeedsFinishedText() {
        OutboundMessage.Template template = new OutboundMessage.Template("order_shipped", "en", List.of("A12"));
        assertUnsupported("no templates on Telegram", msg(Kind.TEMPLATE).template(template));
        JsonObject body = parse(render(msg(Kind.TEMPLATE).template(template).text("Order A12 shipped")).body());
        assertEquals("Order A12 shipped", body.getString("text"));
    }

    @Test
    void starsInvoiceWithoutProviderToken() {
        ChannelRequest r = render(msg(Kind.PAYMENT_REQUEST)
                .payment(new PaymentRequest("Order A12", "2x e-book", "XTR", 250, "order:A12", null)));
        assertEquals("sendInvoice", method(r));
        assertBody("telegram/invoice-stars.json", r);
    }

    @Test
    void cardCurrencyFallsBackToAPaymentLink() {
        ChannelRequest r = render(msg(Kind.PAYMENT_REQUEST).text("Total R$ 214,80")
                .payment(new PaymentRequest("Pay order A12", null, "BRL", 21480, "order:A12", "https://pay.example/A12")));
        assertEquals("sendMessage", method(r));
        assertEquals("https://pay.example/A12", parse(r.body()).getJsonObject("reply_markup")
                .getJsonArray("inline_keyboard").getJsonArray(0).getJsonObject(0).getString("url"));
        assertUnsupported("provider token", msg(Kind.PAYMENT_REQUEST)
                .payment(new PaymentRequest("Order", "d", "BRL", 100, "p", null)));
    }

    @Test
    void cardInvoiceWithTheAccountsProviderToken() {
        ChannelAccountRegistration withPayments = new ChannelAccountRegistration(account.channel(),
                account.accountKey(), account.externalId(), null, account.secret(), account.accessToken(), 0, false,
                account.apiUrl(), "284685063:TEST:provider");
        ChannelRequest r = renderer.render(msg(Kind.PAYMENT_REQUEST).text("Total €79.00").payment(new PaymentRequest(
                "Pay €79.00", "Demo Boutique ORD-1", "EUR", 7900, "ORD-1", "https://pay.example/ORD-1")).build(),
                withPayments);
        assertEquals("sendInvoice", method(r));
        JsonObject body = parse(r.body());
        assertEquals("284685063:TEST:provider", body.getString("provider_token"));
        assertEquals("EUR", body.getString("currency"));
        assertEquals("ORD-1", body.getString("payload"));
        assertEquals(7900, body.getJsonArray("prices").getJsonObject(0).getInt("amount"));
        assertEquals("Demo Boutique ORD-1", body.getString("description"));
    }

    @Test
    void paymentAnswerIsThePreCheckoutAnswer() {
        JsonObject ok = parse(render(OutboundMessage.builder("store-tg", "pcq-7", Kind.PAYMENT_ANSWER)).body());
        assertEquals("pcq-7", ok.getString("pre_checkout_query_id"));
        assertTrue(ok.getBoolean("ok"));
        ChannelRequest refused = render(OutboundMessage.builder("store-tg", "pcq-8", Kind.PAYMENT_ANSWER).text("The order has expired"));
        assertEquals("answerPreCheckoutQuery", method(refused));
        assertEquals("The order has expired", parse(refused.body()).getString("error_message"));
    }

    @Test
    void preCheckoutAnswer() {
        ChannelRequest r = renderer.answerPreCheckoutQuery(account, "pcq-1", null);
        assertEquals("answerPreCheckoutQuery", method(r));
        assertBody("telegram/pre-checkout-ok.json", r);
        JsonObject refused = parse(renderer.answerPreCheckoutQuery(account, "pcq-1", "Sold out").body());
        assertFalse(refused.getBoolean("ok"));
        assertEquals("Sold out", refused.getString("error_message"));
    }

    @Test
    void limitsAreEnforced() {
        // 22 × "é" = 44 bytes + "ação" … : count bytes, not characters
        String id65 = "é".repeat(32) + "x"; // 65 bytes in UTF-8, 33 characters
        assertUnsupported("callback_data '" + id65 + "' is 65 bytes in UTF-8, 1 to 64 allowed",
                msg(Kind.BUTTONS).text("x").choices(List.of(new Choice(id65, "t", null))));
        assertUnsupported("callback_data", msg(Kind.LIST).text("x").choices(List.of(new Choice("", "t", null))));
        render(msg(Kind.BUTTONS).text("x").choices(List.of(new Choice("é".repeat(32), "t", null)))); // 64 bytes is fine
        assertUnsupported("text is 4097 characters, at most 4096 allowed", msg(Kind.TEXT).text("a".repeat(4097)));
        assertUnsupported("text is required", msg(Kind.BUTTONS).choices(List.of(new Choice("a", "t", null))));
        assertUnsupported("caption is 1025", msg(Kind.MEDIA).text("c".repeat(1025)).media(new Media("image", "https://x", null)));
        assertUnsupported("invoice title is 33", msg(Kind.PAYMENT_REQUEST)
                .payment(new PaymentRequest("t".repeat(33), "d", "XTR", 1, "p", null)));
        assertUnsupported("invoice description is 256", msg(Kind.PAYMENT_REQUEST)
                .payment(new PaymentRequest("t", "d".repeat(256), "XTR", 1, "p", null)));
        assertUnsupported("invoice payload is 129 bytes", msg(Kind.PAYMENT_REQUEST)
                .payment(new PaymentRequest("t", "d", "XTR", 1, "p".repeat(129), null)));
        assertUnsupported("replyTo must be a Telegram message id", msg(Kind.TEXT).text("x").replyTo("wamid.X"));
        assertUnsupported("media type must be", msg(Kind.MEDIA).media(new Media("sticker", "https://x", null)));
    }

    private void assertUnsupported(String expected, OutboundMessage.Builder b) {
        UnsupportedMessageException e = assertThrows(UnsupportedMessageException.class, () -> render(b));
        assertTrue(e.getMessage().startsWith("telegram: ") && e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(Fixtures.TG_TOKEN));
    }
}
