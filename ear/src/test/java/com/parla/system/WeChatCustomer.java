package com.parla.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/**
 * A follower of the demo boutique's WeChat official account, as the system tests play one: XML pushes signed with
 * the server token (plaintext mode), and the customer-service messages the account sent back, read from the fake
 * WeChat API in order. Choices come as numbered text there, so this customer types.
 */
final class WeChatCustomer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String openId = "oIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    private final FakeChannelApi api;
    private int read;

    WeChatCustomer(FakeChannelApi api) {
        this.api = api;
    }

    int types(String text) throws Exception {
        long msgId = ThreadLocalRandom.current().nextLong(1_000_000_000_000L, Long.MAX_VALUE);
        return post("<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>1750000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId></xml>");
    }

    /** A location sent from WeChat's "+" menu: its coordinates and the place's label. */
    int sharesLocation(double latitude, double longitude, String label) throws Exception {
        long msgId = ThreadLocalRandom.current().nextLong(1_000_000_000_000L, Long.MAX_VALUE);
        return post("<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>1750000000</CreateTime><MsgType><![CDATA[location]]></MsgType>"
                + "<Location_X>" + latitude + "</Location_X><Location_Y>" + longitude + "</Location_Y><Scale>15"
                + "</Scale><Label><![CDATA[" + label + "]]></Label><MsgId>" + msgId + "</MsgId></xml>");
    }

    private int post(String xml) throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        String[] parts = {"parla-demo-wechat-token", timestamp, nonce};
        Arrays.sort(parts);
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + Integer.getInteger("parla.webhook.port") + "/webhooks/wechat/demo-wechat?signature="
                        + signature + "&timestamp=" + timestamp + "&nonce=" + URLEncoder.encode(nonce,
                        StandardCharsets.UTF_8) + "&openid=" + openId))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The texts the account sent this customer, oldest first. */
    List<String> received() {
        return api.matching(r -> r.path().endsWith("/cgi-bin/message/custom/send")
                        && r.body().contains("\"touser\":\"" + openId + "\"")).stream()
                .map(r -> Json.createReader(new StringReader(r.body())).readObject())
                .map(m -> "text".equals(m.getString("msgtype")) ? m.getJsonObject("text").getString("content")
                        : m.toString()).toList();
    }

    String nextText() {
        List<String> all = Awaitility.await("message " + (read + 1) + " to " + openId + "; got " + received())
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(this::received, got -> got.size() > read);
        return all.get(read++);
    }

    /** The number in front of the line that holds {@code words}, in a numbered message. */
    static String numberOf(String text, String words) {
        return text.lines().filter(l -> l.matches("[0-9]+\\. .*") && l.contains(words)).findFirst()
                .map(l -> l.substring(0, l.indexOf('.')))
                .orElseThrow(() -> new AssertionError("no numbered line with " + words + " in " + text));
    }
}
