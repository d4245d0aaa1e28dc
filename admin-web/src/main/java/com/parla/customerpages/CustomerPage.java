package com.parla.customerpages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The frame of the pages customers open from the chat (payment, tracking, the courier's view): one small mobile
 * page, no login, the unguessable token in the URL, which is why they are never cached, framed or sent on as a
 * referrer.
 */
final class CustomerPage {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}table{width:100%;border-collapse:collapse}td{padding:.4rem 0;"
            + "border-bottom:1px solid #eee}.amount{text-align:right}.total td{font-weight:bold}label{display:block;"
            + "margin:.8rem 0}input{display:block;width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}"
            + "button{margin-top:1rem;width:100%;padding:.8rem;font-size:1.1rem;background:#222;color:#fff;border:0;"
            + "border-radius:.3rem}.error{color:#b00020}.ok{color:#0a7a2f;font-weight:bold}"
            + ".status{font-size:1.3rem;font-weight:bold}ol.timeline{padding-left:1.2rem}ol.timeline li{margin:.3rem 0}"
            + ".muted{color:#666;font-size:.9rem}.map{position:relative;width:256px;height:256px;margin:1rem 0}"
            + ".map img{width:256px;height:256px}.map .pin{position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;"
            + "border-radius:50%;background:#d33;border:2px solid #fff}";

    private CustomerPage() {
    }

    /** @param head what goes into the head besides the style (a script), already safe HTML */
    static void write(HttpServletResponse response, int status, String title, String body, String contentSecurity,
                      String head) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", contentSecurity);
        response.getWriter().print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta"
                + " name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style>" + head + "</head><body><h1>" + escape(title) + "</h1>"
                + body + "</body></html>");
    }

    /** The token of {@code /c/<page>/<token>[/events]}, or "". */
    static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return "";
        }
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Whether the request is for the page's live event stream ({@code …/events}). */
    static boolean wantsEvents(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path != null && path.endsWith("/events");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
