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
import java.util.List;
import org.junit.jupiter.api.Test;

class MessengerWebhookParserTest {

    private static final String PAGE_ID = "104455667788990";
    private static final ChannelAccountRegistration ACCOUNT = account(Channel.MESSENGER, "store-7-fb", PAGE_ID);

    private final MessengerWebhookParser parser = new MessengerWebhookParser();

    private List<InboundMessage> parse(String fixture) {
        return parser.parse(load("messenger/" + fixture), ACCOUNT, RECEIVED);
    }

    @Test
    void textQuickReplyAttachmentsAndLocationWithEchoSkipped() {
        List<InboundMessage> m = parse("messages.json");
        assertEquals(List.of("m_text-1", "m_qr-1", "m_img-1", "m_two-1", "m_two-1:1", "m_loc-1", "m_fallback-1"),
                m.stream().map(InboundMessage::channelMessageId).toList());

        InboundMessage text = m.get(0);
        assertEquals(Kind.TEXT, text.kind());
        assertEquals(Channel.MESSENGER, text.channel());
        assertEquals("store-7-fb", text.accountKey());
        assertEquals("6120000000000001", text.sender());
        assertEquals("Do you ship to Porto?", text.text());
        assertEquals("m_OUT-shipping", text.replyTo());
        assertNull(text.senderName());
        assertEquals(RECEIVED, text.receivedAt());

        assertEquals(Kind.CHOICE, m.get(1).kind());
        assertEquals("DELIVERY_NEXT_WEEK", m.get(1).payload());
        assertEquals("Next week", m.get(1).text());

        assertEquals(Kind.MEDIA, m.get(2).kind());
        assertEquals(new InboundMessage.Media("image", "https://cdn.example.test/img/abc.jpg", null, null),
                m.get(2).media());
        assertEquals("this one", m.get(2).text());

        assertEquals(new InboundMessage.Media("file", "https://cdn.example.test/f/invoice.pdf", null, null),
                m.get(3).media());
        assertEquals(new InboundMessage.Media("video", "https://cdn.example.test/v/unboxing.mp4", null, null),
                m.get(4).media());

        assertEquals(Kind.LOCATION, m.get(5).kind());
        assertEquals(new InboundMessage.Location(41.1579, -8.6291, "Home", null), m.get(5).location());

        assertEquals(Kind.OTHER, m.get(6).kind());
    }

    @Test
    void postbacksAreChoicesWithMidOrStableDerivedId() {
        List<InboundMessage> m = parse("postbacks.json");
        assertEquals(2, m.size());
        assertEquals(Kind.CHOICE, m.get(0).kind());
        assertEquals("m_pb-1", m.get(0).channelMessageId());
        assertEquals("TRACK_P-1042", m.get(0).payload());
        assertEquals("Track order", m.get(0).text());
        assertEquals("postback:6120000000000002:1761300100002", m.get(1).channelMessageId());
        assertEquals("GET_STARTED", m.get(1).payload());
        assertEquals("Get Started", m.get(1).text());
        // the same body again gives the same ids, so a redelivery is recognized as a duplicate
        assertEquals(m, parse("postbacks.json"));
    }

    @Test
    void deliveryPerMidAndWatermarkReceipts() {
        List<InboundMessage> m = parse("receipts.json");
        assertEquals(List.of("m_OUT-1:delivered", "m_OUT-2:delivered", "delivered:6120000000000003:1761300199500",
                "read:6120000000000003:1761300199900"), m.stream().map(InboundMessage::channelMessageId).toList());
        assertTrue(m.stream().allMatch(x -> x.kind() == Kind.STATUS && "6120000000000003".equals(x.sender())));
        assertEquals(new DeliveryStatus("m_OUT-1", DeliveryStatus.State.DELIVERED, null, null), m.get(0).status());
        assertEquals(new DeliveryStatus("m_OUT-2", DeliveryStatus.State.DELIVERED, null, null), m.get(1).status());
        assertEquals(new DeliveryStatus("watermark:1761300199500", DeliveryStatus.State.DELIVERED, null, null),
                m.get(2).status());
        assertEquals(new DeliveryStatus("watermark:1761300199900", DeliveryStatus.State.READ, null, null),
                m.get(3).status());
    }

    @Test
    void severalEntriesInWireOrderAndUnmodelledEventsAsOther() {
        List<InboundMessage> m = parse("batch.json");
        assertEquals(List.of("m_b-1", "reaction:6120000000000004:1761300300002", "m_b-2"),
                m.stream().map(InboundMessage::channelMessageId).toList());
        assertEquals(List.of(Kind.TEXT, Kind.OTHER, Kind.TEXT), m.stream().map(InboundMessage::kind).toList());
        assertEquals("second", m.get(2).text());
        assertEquals("6120000000000005", m.get(2).sender());
    }

    @Test
    void hostileTextPassesThroughVerbatim() {
        InboundMessage m = parse("hostile.json").get(0);
        assertEquals("<img src=x onerror=alert(1)>\u0000\u202Egnp.exe \uD83D\uDED2\uD83D\uDED2 日本語テキスト", m.text());
    }

    @Test
    void messageWithoutMidMakesTheWholeBodyMalformed() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class, () -> parse("missing_mid.json"));
        assertEquals("messenger entry[0].messaging[1].message has no mid", e.getMessage());
    }

    @Test
    void bodyForAnotherPageIsMalformedForThisAccount() {
        ChannelAccountRegistration other = account(Channel.MESSENGER, "store-8-fb", "200000000000001");
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(load("messenger/messages.json"), other, RECEIVED));
        assertEquals("messenger entry[0] is for page 104455667788990, not this account's 200000000000001",
                e.getMessage());
    }

    @Test
    void wrongObjectAndBrokenJsonAreMalformed() {
        MalformedPayloadException wrong = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"instagram\",\"entry\":[]}"), ACCOUNT, RECEIVED));
        assertEquals("messenger: object is instagram, expected page", wrong.getMessage());
        MalformedPayloadException broken = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"page\",\"entry\":[}"), ACCOUNT, RECEIVED));
        assertTrue(broken.getMessage().startsWith("messenger: body is not valid JSON"), broken.getMessage());
        MalformedPayloadException noSender = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID
                        + "\",\"messaging\":[{\"message\":{\"mid\":\"m_1\",\"text\":\"x\"}}]}]}"), ACCOUNT, RECEIVED));
        assertEquals("messenger entry[0].messaging[0] has no sender", noSender.getMessage());
    }
}
