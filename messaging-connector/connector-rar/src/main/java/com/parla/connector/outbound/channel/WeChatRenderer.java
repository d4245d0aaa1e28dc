package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import jakarta.json.JsonObjectBuilder;

import static com.parla.connector.outbound.channel.Rendering.blank;
import static com.parla.connector.outbound.channel.Rendering.check;
import static com.parla.connector.outbound.channel.Rendering.object;
import static com.parla.connector.outbound.channel.Rendering.required;

/**
 * WeChat Official Account sends (channels.md §4.3): customer-service messages to
 * {@code {apiUrl}/cgi-bin/message/custom/send?access_token=…}, templates to {@code …/cgi-bin/message/template/send}.
 * Degradations: buttons and lists become numbered text (header and text, one numbered line per choice, footer), which
 * the customer answers by typing the number or the words: WeChat's {@code msgmenu} is for verified accounts only (others
 * get 40200, and the reply would be lost), typing works on every account; a location request is a text prompt (the
 * user sends a location from the chat's + menu); a payment request is text with a link. Unsupported: media (the API takes only an uploaded
 * media_id, and uploading is not done here) and products (no catalog).
 */
public final class WeChatRenderer implements ChannelRenderer {

    private static final String CH = Channel.WECHAT.wireName();
    private static final java.util.regex.Pattern BOLD = java.util.regex.Pattern.compile("\\*([^*\\n]+)\\*");

    @Override
    public ChannelRequest render(OutboundMessage message, ChannelAccountRegistration account) {
        String token = Rendering.requiredToken(account);
        JsonObjectBuilder body = object().add("touser", message.recipient());
        String api = "/cgi-bin/message/custom/send";
        switch (message.kind()) {
            case TEXT, LOCATION_REQUEST -> text(body, required(Rendering.lines(message), CH, "text"));
            case BUTTONS, LIST -> text(body, numbered(message));
            case TEMPLATE -> {
                template(message, body);
                api = "/cgi-bin/message/template/send";
            }
            case PAYMENT_REQUEST -> {
                OutboundMessage.PaymentRequest payment = message.payment();
                check(payment != null, CH, "PAYMENT_REQUEST needs a payment");
                String url = required(payment.url(), CH, "payment url");
                check((url.startsWith("https://") || url.startsWith("http://")) && !url.contains("\"")
                        && !url.contains("<"), CH, "payment url must be a plain http(s) link");
                String label = required(payment.title(), CH, "payment title (the link text)");
                String text = !message.text().isEmpty() ? Rendering.lines(message) : payment.description();
                // text messages may carry <a href> links (§4.3)
                text(body, (blank(text) ? "" : text + "\n") + "<a href=\"" + url + "\">" + escape(label) + "</a>");
            }
            case MEDIA -> throw new UnsupportedMessageException(
                    CH + ": media is sent by media_id only (upload first); links cannot be sent as media");
            case PRODUCT, PRODUCT_LIST -> throw new UnsupportedMessageException(
                    CH + ": no product catalog on WeChat customer-service messages");
            default -> throw new UnsupportedMessageException(CH + ": " + message.kind() + " not supported");
        }
        return Rendering.post(Rendering.base(account) + api + "?access_token=" + Rendering.query(token),
                Rendering.JSON_HEADERS, body.build());
    }

    private static void text(JsonObjectBuilder body, String content) {
        // WeChat shows *bold* marks as they are: the words alone read better
        body.add("msgtype", "text").add("text", object().add("content", BOLD.matcher(content).replaceAll("$1")));
    }

    private static String numbered(OutboundMessage message) {
        check(!message.choices().isEmpty(), CH, "choices are required");
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {message.header(), message.text()}) {
            if (!blank(part)) {
                text.append(part).append('\n');
            }
        }
        int n = 0;
        for (Choice c : message.choices()) {
            required(c.title(), CH, "choice title");
            text.append('\n').append(++n).append(". ").append(c.title());
            if (!blank(c.description())) {
                text.append(" – ").append(c.description());
            }
        }
        if (!blank(message.footer())) {
            text.append("\n\n").append(message.footer());
        }
        return text.toString();
    }

    /** Category templates since May 2023: keyword1…n in order, no first/remark, no colour. */
    private static void template(OutboundMessage message, JsonObjectBuilder body) {
        OutboundMessage.Template template = message.template();
        check(template != null, CH, "TEMPLATE needs a template");
        body.add("template_id", required(template.name(), CH, "template name (the template_id)"));
        JsonObjectBuilder data = object();
        for (int i = 0; i < template.parameters().size(); i++) {
            data.add("keyword" + (i + 1), object().add("value", template.parameters().get(i)));
        }
        body.add("data", data);
        if (!blank(message.reference())) {
            body.add("client_msg_id", message.reference()); // WeChat deduplicates repeated sends by it
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
