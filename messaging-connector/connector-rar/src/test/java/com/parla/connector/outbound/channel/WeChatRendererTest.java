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

class WeChatRendererTest {

    private final ChannelAccountRegistration account = Fixtures.wechat("https://api.weixin.example");
    private final WeChatRenderer renderer = new WeChatRenderer();

    private OutboundMessage.Builder msg(Kind kind) {
        return OutboundMessage.builder("store-wx", "oUser123", kind);
    }

    private ChannelRequest render(OutboundMessage.Builder b) {
        return renderer.render(b.build(), account);
    }

    @Test
    void textIsACustomerServiceMessage() {
        ChannelRequest r = render(msg(Kind.TEXT).text("Order A12 out for delivery. Track: https://t.example/A12"));
        assertEquals("POST", r.method());
        assertEquals("https://api.weixin.example/cgi-bin/message/custom/send?access_token=" + Fixtures.WX_TOKEN,
                r.uri().toString());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertBody("wechat/text.json", r);
        assertFalse(r.toString().contains(Fixtures.WX_TOKEN));
    }

    @Test
    void buttonsAndListsBecomeNumberedText() {
        JsonObject buttons = parse(render(msg(Kind.BUTTONS).text("Rate your delivery").footer("Thanks")
                .choices(List.of(new Choice("r5", "Great", null), new Choice("r1", "Bad", null)))).body());
        assertEquals("text", buttons.getString("msgtype"));
        assertEquals("Rate your delivery\n\n1. Great\n2. Bad\n\nThanks",
                buttons.getJsonObject("text").getString("content"));
        assertEquals("Ballet flat · €89.00", parse(render(msg(Kind.TEXT).text("*Ballet flat* · €89.00")).body())
                .getJsonObject("text").getString("content"), "bold marks dropped");
        JsonObject list = parse(render(msg(Kind.LIST).header("Sizes").text("Pick one")
                .choices(List.of(new Choice("a", "38", "2 left"), new Choice("b", "39", "sold out")))).body());
        assertEquals("Sizes\nPick one\n\n1. 38 – 2 left\n2. 39 – sold out",
                list.getJsonObject("text").getString("content"));
    }

    @Test
    void templateGoesToTemplateSendWithKeywords() {
        ChannelRequest r = render(msg(Kind.TEMPLATE).reference("outbox-44")
                .template(new OutboundMessage.Template("TPL_ORDER_SHIPPED", "zh_CN", List.of("A12", "2026-06-03"))));
        assertEquals("https://api.weixin.example/cgi-bin/message/template/send?access_token=" + Fixtures.WX_TOKEN,
                r.uri().toString());
        assertBody("wechat/template.json", r);
    }

    @Test
    void paymentIsALinkAndLocationRequestAPrompt() {
        assertBody("wechat/payment.json", render(msg(Kind.PAYMENT_REQUEST).text("Total ¥214.80")
                .payment(new PaymentRequest("Pay order A12", null, "CNY", 21480, "order:A12", "https://pay.example/A12"))));
        assertEquals("Send us your location", parse(render(msg(Kind.LOCATION_REQUEST).text("Send us your location")).body())
                .getJsonObject("text").getString("content"));
    }

    @Test
    void unsupportedKinds() {
        assertUnsupported("media_id", msg(Kind.MEDIA).media(new Media("image", "https://cdn.example/x.jpg", null)));
        assertUnsupported("no product catalog", msg(Kind.PRODUCT).productIds(List.of("SKU1")));
        assertUnsupported("choices are required", msg(Kind.BUTTONS).text("x"));
        assertUnsupported("payment url must be a plain http(s) link", msg(Kind.PAYMENT_REQUEST).text("x")
                .payment(new PaymentRequest("Pay", null, "CNY", 1, "p", "javascript:alert(1)")));
        assertUnsupported("text is required", msg(Kind.TEXT));
    }

    private void assertUnsupported(String expected, OutboundMessage.Builder b) {
        UnsupportedMessageException e = assertThrows(UnsupportedMessageException.class, () -> render(b));
        assertTrue(e.getMessage().startsWith("wechat: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
