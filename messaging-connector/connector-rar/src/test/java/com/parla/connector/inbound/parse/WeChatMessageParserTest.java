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
import com.parla.connector.inbound.authenticity.WeChatMessageCrypto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeChatMessageParserTest {

    private static final String OPENID = "oX7y2t0Zq-AbCdEfGhIjKlMnOpQr";
    private static final ChannelAccountRegistration ACCOUNT = account(Channel.WECHAT, "store-7-wx", "wxb11529c136998cb6");

    private final WeChatMessageParser parser = new WeChatMessageParser();

    private InboundMessage parse(String fixture) {
        List<InboundMessage> messages = parser.parse(load("wechat/" + fixture), ACCOUNT, RECEIVED);
        assertEquals(1, messages.size(), "one message per push");
        return messages.get(0);
    }

    @Test
    void textByMsgIdAndOpenIdKeptVerbatim() {
        InboundMessage m = parse("text.xml");
        assertEquals(Channel.WECHAT, m.channel());
        assertEquals("store-7-wx", m.accountKey());
        assertEquals("24601357913579246", m.channelMessageId());
        assertEquals(Kind.TEXT, m.kind());
        assertEquals(OPENID, m.sender());
        assertEquals(" 我的订单到哪里了？ ", m.text());
        assertNull(m.senderName());
        assertEquals(RECEIVED, m.receivedAt());
    }

    @Test
    void imageVoiceAndVideoByMediaId() {
        InboundMessage image = parse("image.xml");
        assertEquals(Kind.MEDIA, image.kind());
        assertEquals(new InboundMessage.Media("image", "Nq8pL2xQ_media_image_01", null, null), image.media());
        assertEquals("24601357913579247", image.channelMessageId());

        InboundMessage voice = parse("voice.xml");
        assertEquals(new InboundMessage.Media("voice", "Nq8pL2xQ_media_voice_01", "audio/amr", null), voice.media());
        assertEquals("查询物流", voice.text());

        InboundMessage video = parse("video.xml");
        assertEquals(new InboundMessage.Media("video", "Nq8pL2xQ_media_video_01", null, null), video.media());
        assertEquals("", video.text());
    }

    @Test
    void locationAndLink() {
        InboundMessage location = parse("location.xml");
        assertEquals(Kind.LOCATION, location.kind());
        assertEquals(new InboundMessage.Location(31.230416, 121.473701, "上海市黄浦区人民广场", null),
                location.location());

        InboundMessage link = parse("link.xml");
        assertEquals(Kind.TEXT, link.kind());
        assertEquals("https://shop.example.test/p/jacket-9?ref=wx&x=1", link.text());
        assertEquals("24601357913579251", link.channelMessageId());
    }

    @Test
    void eventsAreIdentifiedBySenderTimeAndEvent() {
        InboundMessage subscribe = parse("subscribe.xml");
        assertEquals(Kind.SUBSCRIBE, subscribe.kind());
        assertEquals("oNewFollower000111222333:1761500060:subscribe", subscribe.channelMessageId());
        assertEquals("oNewFollower000111222333", subscribe.sender());
        assertNull(subscribe.payload());

        InboundMessage byQr = parse("subscribe_qr.xml");
        assertEquals(Kind.SUBSCRIBE, byQr.kind());
        assertEquals("qrscene_store7_counter2", byQr.payload());

        InboundMessage unsubscribe = parse("unsubscribe.xml");
        assertEquals(Kind.UNSUBSCRIBE, unsubscribe.kind());
        assertEquals(OPENID + ":1761500080:unsubscribe", unsubscribe.channelMessageId());
        assertNull(unsubscribe.payload());

        InboundMessage click = parse("click.xml");
        assertEquals(Kind.CHOICE, click.kind());
        assertEquals("MENU_MY_ORDERS", click.payload());
        assertEquals(OPENID + ":1761500090:CLICK", click.channelMessageId());

        InboundMessage view = parse("view.xml");
        assertEquals(Kind.OTHER, view.kind());
        assertEquals(OPENID + ":1761500100:VIEW", view.channelMessageId());
    }

    @Test
    void unknownMessageTypeIsOther() {
        InboundMessage m = parse("unknown_type.xml");
        assertEquals(Kind.OTHER, m.kind());
        assertEquals("24601357913579252", m.channelMessageId());
        assertEquals(OPENID, m.sender());
    }

    @Test
    void hostileTextPassesThroughVerbatim() {
        InboundMessage m = parse("hostile.xml");
        assertEquals("<script>alert(\"wx\")</script> &amp; \u202Egpj.exe \uD83D\uDC3C 微信支付", m.text());
    }

    @Test
    void nulCannotBeInXmlSoItIsMalformed() {
        byte[] body = utf8("<xml><FromUserName>o1</FromUserName><MsgType>text</MsgType><Content>a\u0000b</Content>"
                + "<MsgId>9</MsgId></xml>");
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(body, ACCOUNT, RECEIVED));
        assertTrue(e.getMessage().startsWith("wechat: body is not acceptable XML"), e.getMessage());
    }

    @Test
    void externalEntityAndEntityExpansionAreRefused() {
        MalformedPayloadException xxe = assertThrows(MalformedPayloadException.class, () -> parse("xxe.xml"));
        assertTrue(xxe.getMessage().contains("DOCTYPE"), xxe.getMessage());
        MalformedPayloadException laughs = assertThrows(MalformedPayloadException.class,
                () -> parse("billion_laughs.xml"));
        assertTrue(laughs.getMessage().contains("DOCTYPE"), laughs.getMessage());
        assertThrows(MalformedPayloadException.class,
                () -> WeChatMessageParser.encryptedPart(load("wechat/xxe.xml")));
    }

    @Test
    void missingMsgIdOrSenderAndBrokenXmlAreMalformed() {
        MalformedPayloadException noId = assertThrows(MalformedPayloadException.class,
                () -> parse("missing_msgid.xml"));
        assertEquals("wechat: push has no MsgId", noId.getMessage());
        MalformedPayloadException noSender = assertThrows(MalformedPayloadException.class, () -> parser.parse(
                utf8("<xml><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>"), ACCOUNT, RECEIVED));
        assertEquals("wechat: push has no FromUserName", noSender.getMessage());
        MalformedPayloadException broken = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("<xml><MsgType>text</MsgType>"), ACCOUNT, RECEIVED));
        assertTrue(broken.getMessage().startsWith("wechat: body is not acceptable XML"), broken.getMessage());
        MalformedPayloadException wrongRoot = assertThrows(MalformedPayloadException.class,
                () -> parser.parse(utf8("<msg><MsgType>text</MsgType></msg>"), ACCOUNT, RECEIVED));
        assertEquals("wechat: root element is msg, expected xml", wrongRoot.getMessage());
        MalformedPayloadException twice = assertThrows(MalformedPayloadException.class, () -> parser.parse(
                utf8("<xml><FromUserName>a</FromUserName><FromUserName>b</FromUserName><MsgType>text</MsgType>"
                        + "<MsgId>1</MsgId></xml>"), ACCOUNT, RECEIVED));
        assertEquals("wechat: FromUserName is given twice", twice.getMessage());
        assertThrows(MalformedPayloadException.class, () -> parser.parse(utf8("<xml><FromUserName>a</FromUserName>"
                + "<MsgType>location</MsgType><Location_X>north</Location_X><Location_Y>1</Location_Y>"
                + "<MsgId>1</MsgId></xml>"), ACCOUNT, RECEIVED));
    }

    @Test
    void encryptedPartOfSafeModeEnvelope() {
        Optional<String> encrypted = WeChatMessageParser.encryptedPart(load("wechat/encrypted.xml"));
        assertEquals(Optional.of("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="),
                encrypted);
        // WxJava's documented vector (channels.md §4.1): the part decrypts with the account's key and app id
        assertEquals("我是中文abcd123", new WeChatMessageCrypto("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                "wxb11529c136998cb6").decrypt(encrypted.orElseThrow()));
        assertFalse(WeChatMessageParser.encryptedPart(load("wechat/text.xml")).isPresent());
    }
}
