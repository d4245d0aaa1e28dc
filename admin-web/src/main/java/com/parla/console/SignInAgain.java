package com.parla.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A console page's background request (a click, the inbox's live update) made after the session ended is sent to
 * the sign-in page by the security mechanism (a redirect the browser follows with the request's Faces-Request
 * header); as an answer to an Ajax request that page would change nothing on screen, and the person would click in
 * vain. It is answered instead with a Faces redirect to the sign-in page,
 * which then says that the session ended.
 */
@WebFilter(urlPatterns = "/login.xhtml", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SignInAgain extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the sign-in form itself is never sent in the background
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getContextPath() + "/login.xhtml?expired=true\"/></partial-response>");
            return;
        }
        chain.doFilter(request, response);
    }
}
