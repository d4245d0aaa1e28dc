package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import static com.parla.connector.inbound.parse.Fixtures.RECEIVED;
import static com.parla.connector.inbound.parse.Fixtures.account;
import static com.parla.connector.inbound.parse.Fixtures.load;
import static com.parla.connector.inbound.parse.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessage.DeliveryStatus;
import com.parla.connector.api.InboundMessage.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatsAppWebhookParserTest {

    private static final String PHONE_NUMBER_ID = "110220330440550";
    private static final ChannelAccountRegistration ACCOUNT = account(Channel.WHATSAPP, "store-7-wa", PHONE_NUMBER_ID);

    private final WhatsAppWebhookParser parser = new WhatsAppWebhookParser();

    private List<InboundMessage> parse(String fixture) {
        return parser.parse(load("whatsapp/" + fixture), ACCOUNT, RECEIVED);
    }

    @Test
    void textMessageWithProfileNameAndReplyContext() {
        List<InboundMessage> messages = parse("text.json");
        assertEquals(1, messages.size());
        InboundMessage m = messages.get(0);
        assertEquals(Channel.WHATSAPP, m.channel());
        assertEquals("store-7-wa", m.accountKey());
        assertEquals("wamid.HBgNNTIxNTUxMjM0NTY3OBUCABIYFjNFQjBDMTExQUFBQkJCQ0NDREREAA==", m.channelMessageId());
        assertEquals(Kind.TEXT, m.kind());
        assertEquals("5215512345678", m.sender());
        assertEquals("Marisol Quintero", m.senderName());
        assertEquals("  Where is order P-1042?  ", m.text()); // verbatim, not trimmed
        assertEquals("wamid.OUTBOUND.order-status-77", m.replyTo());
        assertNull(m.payload());
        assertEquals(RECEIVED, m.receivedAt());
    }

    @Test
    void replyButtonListRowAndTemplateQuickReplyAreChoices() {
        List<InboundMessage> messages = parse("choices.json");
        assertEquals(3, messages.size());
        InboundMessage button = messages.get(0);
        assertEquals(Kind.CHOICE, button.kind());
        assertEquals("wamid.choice-1", button.channelMessageId());
        assertEquals("confirm_P-1042", button.payload());
        assertEquals("Confirm order", button.text());
        assertEquals("wamid.OUT.buttons-1", button.replyTo());
        assertEquals("Tomasz Wierzbicki", button.senderName());

        InboundMessage row = messages.get(1);
        assertEquals(Kind.CHOICE, row.kind());
        assertEquals("slot_1400", row.payload());
        assertEquals("14:00-16:00", row.text());
        assertEquals("wamid.OUT.list-1", row.replyTo());

        InboundMessage quickReply = messages.get(2);
        assertEquals(Kind.CHOICE, quickReply.kind());
        assertEquals("wamid.choice-3", quickReply.channelMessageId());
        assertEquals("STOP_PROMOS", quickReply.payload());
        assertEquals("Stop promotions", quickReply.text());
        assertEquals("wamid.OUT.template-9", quickReply.replyTo());
    }

    @Test
    void locationsAndMediaByTheirMediaIds() {
        List<InboundMessage> m = parse("media_location.json");
        assertEquals(7, m.size());

        assertEquals(Kind.LOCATION, m.get(0).kind());
        assertEquals(new InboundMessage.Location(6.4541, 3.3947, "Balogun Market", "Lagos Island"), m.get(0).location());
        assertEquals(new InboundMessage.Location(-33.8688, 151.2093, null, null), m.get(1).location());

        assertEquals(Kind.MEDIA, m.get(2).kind());
        assertEquals(new InboundMessage.Media("image", "884400112233", "image/jpeg", null), m.get(2).media());
        assertEquals("the lid is cracked", m.get(2).text());

        assertEquals(new InboundMessage.Media("document", "884400112234", "application/pdf", "receipt-0099.pdf"),
                m.get(3).media());
        assertEquals("my receipt", m.get(3).text());

        assertEquals(new InboundMessage.Media("voice", "884400112235", "audio/ogg; codecs=opus", null), m.get(4).media());
        assertEquals("", m.get(4).text());
        assertEquals(new InboundMessage.Media("sticker", "884400112236", "image/webp", null), m.get(5).media());
        assertEquals(new InboundMessage.Media("video", "884400112237", "video/mp4", null), m.get(6).media());
        assertEquals("wamid.video-1", m.get(6).channelMessageId());
        assertEquals("Ngozi Okafor", m.get(6).senderName());
    }

    @Test
    void orderItemsWithNumericQuantityAndExactPrice() {
        InboundMessage order = parse("order.json").get(0);
        assertEquals(Kind.ORDER, order.kind());
        assertEquals("wamid.order-1", order.channelMessageId());
        assertEquals("please gift wrap", order.text());
        assertEquals(List.of(
                new InboundMessage.OrderItem("TSHIRT-BLU-M", 2, new BigDecimal("79.9"), "BRL"),
                new InboundMessage.OrderItem("CAP-BLK", 1, new BigDecimal("45"), "BRL")), order.orderItems());
    }

    @Test
    void numbersGivenAsStringsAndIdsGivenAsNumbersAreAccepted() {
        InboundMessage order = parse("order_strings.json").get(0);
        assertEquals("5521988776655", order.sender());
        assertEquals(List.of(new InboundMessage.OrderItem("SOCKS-3PK", 3, new BigDecimal("19.90"), "BRL")),
                order.orderItems());
        assertEquals("", order.text());
    }

    @Test
    void fractionalQuantityIsMalformed() {
        String body = new String(load("whatsapp/order.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"quantity\": 2,", "\"quantity\": 2.5,");
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8(body), ACCOUNT, RECEIVED));
        assertTrue(e.getMessage().contains("product_items[0]"), e.getMessage());
    }

    @Test
    void sharedContactsGiveFormattedNameAndFirstPhone() {
        InboundMessage m = parse("contacts.json").get(0);
        assertEquals(Kind.CONTACTS, m.kind());
        assertEquals(List.of(new InboundMessage.Contact("Kenji Sato", "+81 90 1111 2222"),
                new InboundMessage.Contact("Front desk", null)), m.contacts());
        assertEquals("Aiko Tanaka", m.senderName());
    }

    @Test
    void reactionsSystemUnsupportedAndUnknownTypesAreOtherNotFailures() {
        List<InboundMessage> m = parse("other_types.json");
        assertEquals(List.of("wamid.react-1", "wamid.system-1", "wamid.unsupported-1", "wamid.future-1", "wamid.flow-1"),
                m.stream().map(InboundMessage::channelMessageId).toList());
        assertTrue(m.stream().allMatch(x -> x.kind() == Kind.OTHER));
        assertEquals("\uD83D\uDC4D", m.get(0).text());
        assertEquals("wamid.OUT.promo-3", m.get(0).replyTo());
        assertEquals("46701234567", m.get(3).sender());
        assertEquals("Sven Lindqvist", m.get(3).senderName());
    }

    @Test
    void statusesPerMessageAndStateWithErrorOfFailedAndPlayedSkipped() {
        List<InboundMessage> m = parse("statuses.json");
        assertEquals(List.of("wamid.OUT.1:sent", "wamid.OUT.1:delivered", "wamid.OUT.1:read", "wamid.OUT.2:failed",
                "wamid.OUT.4:delivered"), m.stream().map(InboundMessage::channelMessageId).toList());
        assertTrue(m.stream().allMatch(x -> x.kind() == Kind.STATUS));
        assertEquals(new DeliveryStatus("wamid.OUT.1", DeliveryStatus.State.SENT, null, null), m.get(0).status());
        assertEquals(DeliveryStatus.State.DELIVERED, m.get(1).status().state());
        assertEquals(DeliveryStatus.State.READ, m.get(2).status().state());
        assertEquals(new DeliveryStatus("wamid.OUT.2", DeliveryStatus.State.FAILED, "131047", "Re-engagement message"),
                m.get(3).status());
        assertEquals("5215512345678", m.get(3).sender());
        assertEquals("MX.8812003344556677", m.get(4).sender()); // BSUID recipient
    }

    @Test
    void senderIsTheBsuidWhenThereIsNoPhoneNumber() {
        InboundMessage m = parse("bsuid.json").get(0);
        assertEquals("US.1349201928374650", m.sender());
        assertEquals("Private Person", m.senderName());
        assertEquals("hi", m.text());
    }

    @Test
    void severalEntriesAndChangesGiveEverythingInWireOrder() {
        List<InboundMessage> m = parse("batch.json");
        assertEquals(List.of("wamid.batch-1", "wamid.batch-2", "wamid.OUT.77:delivered", "wamid.batch-3"),
                m.stream().map(InboundMessage::channelMessageId).toList());
        assertEquals(List.of("one", "two", "", "three"), m.stream().map(InboundMessage::text).toList());
        assertEquals(List.of("First Customer", "Second Customer", "Third Customer"),
                List.of(m.get(0).senderName(), m.get(1).senderName(), m.get(3).senderName()));
    }

    @Test
    void otherFieldsAreIgnoredNotErrors() {
        assertEquals(List.of(), parse("template_status.json"));
        assertEquals(List.of(), parser.parse(utf8("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"),
                ACCOUNT, RECEIVED));
    }

    @Test
    void hostileTextPassesThroughVerbatim() {
        InboundMessage m = parse("hostile.json").get(0);
        assertEquals("<script>alert('x')</script>\u0000\u202Etxt.exe \uD83D\uDE00 \uD83D\uDE00 你好，世界 \" \\ \n", m.text());
        assertEquals("\u202Eevil\u202C", m.senderName());
        assertEquals(2, m.text().codePoints().filter(c -> c == 0x1F600).count());
    }

    @Test
    void messageWithoutIdMakesTheWholeBodyMalformed() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class, () -> parse("missing_id.json"));
        assertEquals("whatsapp entry[0].changes[0].value.messages[1] has no id", e.getMessage());
    }

    @Test
    void bodyForAnotherPhoneNumberIsMalformedForThisAccount() {
        ChannelAccountRegistration other = account(Channel.WHATSAPP, "store-8-wa", "999888777666555");
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(load("whatsapp/text.json"), other, RECEIVED));
        assertTrue(e.getMessage().contains("phone_number_id 110220330440550"), e.getMessage());
        // an account not yet bound to a number takes it
        ChannelAccountRegistration unbound = account(Channel.WHATSAPP, "store-9-wa", null);
        assertEquals(1, parser.parse(load("whatsapp/text.json"), unbound, RECEIVED).size());
    }

    @Test
    void wrongObjectIsMalformed() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"page\",\"entry\":[]}"), ACCOUNT, RECEIVED));
        assertEquals("whatsapp: object is page, expected whatsapp_business_account", e.getMessage());
    }

    @Test
    void brokenJsonIsMalformed() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"whatsapp_business_account\",\"entry\":[{"), ACCOUNT, RECEIVED));
        assertTrue(e.getMessage().startsWith("whatsapp: body is not valid JSON"), e.getMessage());
        assertThrows(MalformedPayloadException.class, () -> parser.parse(new byte[0], ACCOUNT, RECEIVED));
        assertThrows(MalformedPayloadException.class, () -> parser.parse(utf8("[]"), ACCOUNT, RECEIVED));
        // a field of the wrong type, and a duplicate key, are refused rather than guessed at
        assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"whatsapp_business_account\",\"entry\":{}}"), ACCOUNT, RECEIVED));
        assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"page\",\"object\":\"whatsapp_business_account\",\"entry\":[]}"),
                        ACCOUNT, RECEIVED));
    }
}
