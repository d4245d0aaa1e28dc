package com.parla.customerpages;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Product pictures of the demo catalogs ({@code /c/img/products/{store}/{sku}.png}): drawn, not photographed (no
 * photos may be downloaded here), as PNG because WhatsApp takes JPEG and PNG images only. A merchant's catalog feed
 * gives real image URLs instead.
 */
@WebServlet("/c/img/products/*")
public class ProductImages extends HttpServlet {

    private static final int SIZE = 600;
    private static final int MAX_CACHED = 2000;

    @EJB
    StoreDirectory stores;

    @EJB
    CatalogSearch catalog;

    private final Map<String, byte[]> drawn = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.matches("/[a-z0-9-]{1,64}/[A-Z0-9-]{1,64}\\.png")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String[] parts = path.substring(1, path.length() - 4).split("/");
        Optional<ProductSummary> product = stores.storeRef(parts[0])
                .flatMap(store -> catalog.productBySku(store.id(), parts[1]));
        if (product.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] png = drawn.get(path);
        if (png == null) {
            png = draw(product.get());
            if (drawn.size() < MAX_CACHED) {
                drawn.put(path, png);
            }
        }
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(png.length);
        response.getOutputStream().write(png);
    }

    static byte[] draw(ProductSummary product) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float hue = Math.floorMod(product.sku().hashCode(), 360) / 360f;
            g.setColor(Color.getHSBColor(hue, 0.12f, 0.97f));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.getHSBColor(hue, 0.45f, 0.45f));
            g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.fill(silhouette(product.sku()));
            g.setColor(new Color(40, 40, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            centred(g, product.name(), 520);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
            centred(g, product.price().toPlainString() + " " + product.currency(), 565);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A shoe, a bag, a dress or an accessory, by the SKU's prefix. */
    private static java.awt.Shape silhouette(String sku) {
        Path2D p = new Path2D.Double();
        if (sku.startsWith("SHOE")) {
            p.moveTo(120, 380);
            p.curveTo(160, 300, 260, 330, 330, 260);
            p.lineTo(380, 200);
            p.lineTo(420, 200);
            p.lineTo(460, 380);
            p.lineTo(440, 420);
            p.lineTo(140, 420);
            p.closePath();
            return p;
        }
        if (sku.startsWith("BAG")) {
            p.append(new RoundRectangle2D.Double(150, 210, 300, 220, 40, 40), false);
            p.moveTo(220, 210);
            p.curveTo(220, 110, 380, 110, 380, 210);
            p.lineTo(350, 210);
            p.curveTo(350, 145, 250, 145, 250, 210);
            p.closePath();
            return p;
        }
        if (sku.startsWith("DRS")) {
            p.moveTo(250, 90);
            p.lineTo(350, 90);
            p.lineTo(370, 200);
            p.lineTo(450, 440);
            p.lineTo(150, 440);
            p.lineTo(230, 200);
            p.closePath();
            return p;
        }
        p.append(new java.awt.geom.Ellipse2D.Double(190, 150, 220, 220), false);
        return p;
    }

    private static void centred(Graphics2D g, String text, int y) {
        FontMetrics metrics = g.getFontMetrics();
        String shown = text;
        while (metrics.stringWidth(shown) > SIZE - 40 && shown.length() > 4) {
            shown = shown.substring(0, shown.length() - 2);
        }
        g.drawString(shown, (SIZE - metrics.stringWidth(shown)) / 2, y);
    }
}
