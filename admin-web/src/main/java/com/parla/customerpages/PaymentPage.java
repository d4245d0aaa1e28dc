package com.parla.customerpages;

import com.parla.order.boundary.OrderView;
import com.parla.order.boundary.PaymentLinks;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The payment page behind a payment link, {@code /c/pay/{token}}: the order (reference, items, delivery, total)
 * and a card form. No login: the unguessable token is the key, and the page shows nothing of the customer but the
 * delivery address. In demo mode the card is taken by the demo acquirer (test cards in the README).
 */
@WebServlet("/c/pay/*")
public class PaymentPage extends HttpServlet {

    @EJB
    PaymentLinks payments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OrderView> order = payments.order(token(request));
        if (order.isEmpty()) {
            page(response, HttpServletResponse.SC_NOT_FOUND, "Payment", "<p class=\"error\">This payment link is not"
                    + " valid.</p>");
            return;
        }
        page(response, 200, "Pay order " + order.get().reference(), summary(order.get()) + form(order.get(), null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        PaymentLinks.Result result = payments.pay(token(request), request.getParameter("card"),
                request.getParameter("expiry"), request.getParameter("cvc"));
        switch (result.outcome()) {
            case PAID, ALREADY_PAID -> page(response, 200, "Order " + result.order().reference() + " is paid",
                    "<p class=\"ok\" id=\"outcome\">" + escape(result.message()) + "</p>" + summary(result.order())
                            + "<p>You can close this page; the confirmation is in your chat.</p>");
            case DECLINED -> page(response, 402, "Pay order " + result.order().reference(),
                    summary(result.order()) + form(result.order(), result.message()));
            case NOT_PAYABLE -> page(response, 409, "Order " + result.order().reference(),
                    "<p class=\"error\" id=\"outcome\">" + escape(result.message()) + "</p>");
            case UNKNOWN -> page(response, 404, "Payment", "<p class=\"error\" id=\"outcome\">"
                    + escape(result.message()) + "</p>");
        }
    }

    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? "" : path.substring(1);
    }

    private static String summary(OrderView order) {
        StringBuilder html = new StringBuilder("<table id=\"lines\">");
        for (OrderView.Line line : order.lines()) {
            html.append("<tr><td>").append(line.quantity()).append(" × ").append(escape(line.productName()))
                    .append("ONE".equalsIgnoreCase(line.size()) ? "" : ", size " + escape(line.size()))
                    .append("</td><td class=\"amount\">")
                    .append(money(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())), order.currency()))
                    .append("</td></tr>");
        }
        html.append("<tr class=\"total\"><td>Total</td><td class=\"amount\" id=\"total\">")
                .append(money(order.total(), order.currency())).append("</td></tr></table>");
        if (order.deliveryAddress() != null) {
            html.append("<p>Delivery").append(order.deliveryDate() == null ? "" : " on " + order.deliveryDate())
                    .append(" to ").append(escape(order.deliveryAddress())).append("</p>");
        }
        return html.toString();
    }

    private static String form(OrderView order, String error) {
        if (!order.awaitsPayment()) {
            return "<p class=\"error\" id=\"outcome\">" + (order.isPaid() ? "This order is already paid."
                    : "This order can no longer be paid: it was not paid in time.") + "</p>";
        }
        return (error == null ? "" : "<p class=\"error\" id=\"outcome\">" + escape(error) + "</p>")
                + "<form method=\"post\" autocomplete=\"off\">"
                + "<label>Card number <input name=\"card\" id=\"card\" inputmode=\"numeric\" maxlength=\"23\""
                + " required></label>"
                + "<label>Expiry (MM/YY) <input name=\"expiry\" id=\"expiry\" maxlength=\"7\" required></label>"
                + "<label>Security code <input name=\"cvc\" id=\"cvc\" inputmode=\"numeric\" maxlength=\"4\""
                + " required></label>"
                + "<button type=\"submit\" id=\"pay\">Pay " + money(order.total(), order.currency()) + "</button>"
                + "</form>";
    }

    private static void page(HttpServletResponse response, int status, String title, String body)
            throws IOException {
        CustomerPage.write(response, status, title, body, "default-src 'none'; style-src 'unsafe-inline';"
                + " form-action 'self'", "");
    }

    private static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("en-IE"));
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    private static String escape(String text) {
        return CustomerPage.escape(text);
    }
}
