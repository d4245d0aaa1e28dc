package com.parla.connector.outbound.channel;

import java.net.URI;
import java.util.Map;

/** One HTTP request to a channel's API, exactly as it will go on the wire. */
public record ChannelRequest(String method, URI uri, Map<String, String> headers, String body) {

    public ChannelRequest {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        // the URI may carry an access token (Messenger, WeChat, Telegram's bot path): keep it out of logs
        return "ChannelRequest[" + method + " " + uri.getHost() + "]";
    }
}
