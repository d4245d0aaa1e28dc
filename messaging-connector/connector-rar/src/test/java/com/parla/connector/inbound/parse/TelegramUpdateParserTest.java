package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import static com.parla.connector.inbound.parse.Fixtures.RECEIVED;
import static com.parla.connector.inbound.parse.Fixtures.account;
import static com.parla.connector.inbound.parse.Fixtures.load;
import static com.parla.connector.inbound.parse.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessage.Kind;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TelegramUpdateParserTest {

    private static final ChannelAccountRegistration ACCOUNT = account(Channel.TELEGRAM, "store-7-tg", "ParlaShopBot");

    private final TelegramUpdateParser parser = new TelegramUpdateParser();

    private InboundMessage parse(String fixture) {
        List<InboundMessage> messages = parser.parse(load("telegram/" + fixture), ACCOUNT, RECEIVED);
        assertEquals(1, messages.size(), "one message per update");
        return messages.get(0);
    }

    @Test
    void textWithNameAndReplyTo() {
        InboundMessage m = parse("text.json");
        assertEquals(Channel.TELEGRAM, m.channel());
        assertEquals("store-7-tg", m.accountKey());
        assertEquals("700100001", m.channelMessageId());
        assertEquals(Kind.TEXT, m.kind());
        assertEquals("987654321", m.sender());
        assertEquals("Olga Petrova", m.senderName());
        assertEquals(" When will it arrive? ", m.text());
        assertEquals("305", m.replyTo());
        assertEquals(RECEIVED, m.receivedAt());
    }

    @Test
    void startCommandIsPlainText() {
        InboundMessage m = parse("start.json");
        assertEquals(Kind.TEXT, m.kind());
        assertEquals("/start store7", m.text());
        assertEquals("123450001", m.sender());
        assertEquals("Jonas", m.senderName());
        assertNull(m.replyTo());
    }

    @Test
    void callbackQueryIsChoiceInTheButtonsChat() {
        InboundMessage m = parse("callback_query.json");
        assertEquals(Kind.CHOICE, m.kind());
        assertEquals("700100003", m.channelMessageId());
        assertEquals("slot:2026-07-03T14", m.payload());
        assertEquals("", m.text());
        assertEquals("987654321", m.sender());
        assertEquals("320", m.replyTo());
        assertEquals("5512093847561234001", m.interactionId(), "the query the connector answers to stop the spinner");
    }

    @Test
    void callbackWithoutMessageUsesTheUsersId() {
        InboundMessage m = parser.parse(utf8("{\"update_id\":5,\"callback_query\":{\"id\":\"q1\",\"from\":{\"id\":42,"
                + "\"is_bot\":false,\"first_name\":\"A\"},\"inline_message_id\":\"im1\",\"data\":\"x:1\"}}"),
                ACCOUNT, RECEIVED).get(0);
        assertEquals("42", m.sender());
        assertEquals("x:1", m.payload());
        assertEquals("q1", m.interactionId());
    }

    @Test
    void locationPhotoDocumentVoiceAndContact() {
        InboundMessage location = parse("location.json");
        assertEquals(Kind.LOCATION, location.kind());
        assertEquals(new InboundMessage.Location(55.751244, 37.618423, null, null), location.location());

        InboundMessage photo = parse("photo.json");
        assertEquals(Kind.MEDIA, photo.kind());
        assertEquals(new InboundMessage.Media("photo", "AgACAgIAAxkBAAIBs-large", null, null), photo.media());
        assertEquals("scratch on the side", photo.text());

        assertEquals(new InboundMessage.Media("document", "BQACAgIAAxkBAAIBt-doc", "application/pdf", "warranty.pdf"),
                parse("document.json").media());
        assertEquals(new InboundMessage.Media("voice", "AwACAgIAAxkBAAIBu-voice", "audio/ogg", null),
                parse("voice.json").media());

        InboundMessage contact = parse("contact.json");
        assertEquals(Kind.CONTACTS, contact.kind());
        assertEquals(List.of(new InboundMessage.Contact("Olga Petrova", "+79161234567")), contact.contacts());
    }

    @Test
    void successfulPaymentAndPreCheckoutQuery() {
        InboundMessage paid = parse("successful_payment.json");
        assertEquals(Kind.PAYMENT, paid.kind());
        assertEquals("700100009", paid.channelMessageId());
        assertEquals(new InboundMessage.Payment("EUR", 4590, "order:P-2077", "tg_charge_7f3a"), paid.payment());
        assertEquals("987654321", paid.sender());

        InboundMessage check = parse("pre_checkout_query.json");
        assertEquals(Kind.PAYMENT_CHECK, check.kind());
        assertEquals(new InboundMessage.Payment("EUR", 4590, "order:P-2077", "pcq-88123"), check.payment());
        assertEquals("987654321", check.sender());
        assertEquals("Olga Petrova", check.senderName());
    }

    @Test
    void blockAndUnblockAreUnsubscribeAndSubscribe() {
        InboundMessage blocked = parse("blocked.json");
        assertEquals(Kind.UNSUBSCRIBE, blocked.kind());
        assertEquals("987654321", blocked.sender());
        assertEquals("700100011", blocked.channelMessageId());
        InboundMessage unblocked = parse("unblocked.json");
        assertEquals(Kind.SUBSCRIBE, unblocked.kind());
        assertEquals("987654321", unblocked.sender());
    }

    @Test
    void editedMessageIsOtherWithItsChat() {
        InboundMessage m = parse("edited_message.json");
        assertEquals(Kind.OTHER, m.kind());
        assertEquals("700100013", m.channelMessageId());
        assertEquals("987654321", m.sender());
        assertNull(m.location());
    }

    @Test
    void hostileTextPassesThroughVerbatim() {
        InboundMessage m = parse("hostile.json");
        assertEquals("<script>document.cookie</script>\u0000\u202E\uD83E\uDD84\uD83E\uDD84 中文 العربية", m.text());
        assertEquals("-1001234567890", m.sender());
        assertEquals("\u202EAdmin", m.senderName());
    }

    @Test
    void getUpdatesGivesEachUpdateIdAndKeepsGoingPastABadOne() {
        List<TelegramUpdateParser.Update> updates = parser.parseUpdates(load("telegram/get_updates.json"), ACCOUNT,
                RECEIVED);
        assertEquals(List.of(700100020L, 700100021L, 700100022L, 700100023L),
                updates.stream().map(TelegramUpdateParser.Update::updateId).toList());
        assertEquals("hello", updates.get(0).messages().get(0).text());
        assertFalse(updates.get(0).malformed());

        assertTrue(updates.get(1).malformed());
        assertEquals(List.of(), updates.get(1).messages());
        assertEquals("telegram result[1].message has no chat", updates.get(1).problem());

        assertEquals(Kind.CHOICE, updates.get(2).messages().get(0).kind());
        assertEquals("buy:SKU-9", updates.get(2).messages().get(0).payload());
        assertEquals(Kind.OTHER, updates.get(3).messages().get(0).kind()); // a poll: not modelled
        assertEquals("700100023", updates.get(3).messages().get(0).channelMessageId());

        assertEquals(List.of(), parser.parseUpdates(load("telegram/get_updates_empty.json"), ACCOUNT, RECEIVED));
    }

    @Test
    void getUpdatesErrorsCarryCodeDescriptionAndRetryAfter() {
        TelegramApiException tooMany = assertThrows(TelegramApiException.class,
                () -> parser.parseUpdates(load("telegram/error_429.json"), ACCOUNT, RECEIVED));
        assertEquals(429, tooMany.errorCode());
        assertEquals("Too Many Requests: retry after 17", tooMany.description());
        assertEquals(OptionalInt.of(17), tooMany.retryAfter());

        TelegramApiException conflict = assertThrows(TelegramApiException.class,
                () -> parser.parseUpdates(load("telegram/error_409.json"), ACCOUNT, RECEIVED));
        assertEquals(409, conflict.errorCode());
        assertTrue(conflict.description().startsWith("Conflict: terminated by other getUpdates request"));
        assertEquals(OptionalInt.empty(), conflict.retryAfter());

        assertThrows(MalformedPayloadException.class,
                () -> parser.parseUpdates(utf8("{\"result\":[]}"), ACCOUNT, RECEIVED));
        assertThrows(MalformedPayloadException.class,
                () -> parser.parseUpdates(utf8("{\"ok\":true,\"result\":[{\"message\":{}}]}"), ACCOUNT, RECEIVED));
    }

    @Test
    void missingUpdateIdOrChatAndBrokenJsonAreMalformed() {
        MalformedPayloadException noId = assertThrows(MalformedPayloadException.class, () -> parser.parse(
                utf8("{\"message\":{\"message_id\":1,\"chat\":{\"id\":1},\"text\":\"x\"}}"), ACCOUNT, RECEIVED));
        assertEquals("telegram update has no update_id", noId.getMessage());
        MalformedPayloadException stringId = assertThrows(MalformedPayloadException.class, () -> parser.parse(
                utf8("{\"update_id\":\"abc\",\"message\":{\"chat\":{\"id\":1},\"text\":\"x\"}}"), ACCOUNT, RECEIVED));
        assertEquals("telegram update update_id is not a number: abc", stringId.getMessage());
        MalformedPayloadException broken = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("{\"update_id\":1,"), ACCOUNT, RECEIVED));
        assertTrue(broken.getMessage().startsWith("telegram: body is not valid JSON"), broken.getMessage());
    }
}
