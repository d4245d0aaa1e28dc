package com.parla.platform.control;

import com.parla.catalog.boundary.CatalogUpdates;
import com.parla.catalog.boundary.ProductUpsert;
import com.parla.catalog.boundary.ProductUpsert.VariantUpsert;
import com.parla.connector.api.Channel;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreSetup;
import com.parla.store.entity.StaffRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The demo merchant, store, catalog, channel accounts and logins (documented in the README). Loaded once, when
 * {@code parla.demo.enabled} is true and the demo store does not exist yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    public static final String STORE = "demo-boutique";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "parla.demo.enabled", defaultValue = "false")
    boolean enabled;

    @EJB
    StoreDirectory stores;

    @EJB
    StoreSetup setup;

    @EJB
    CatalogUpdates catalog;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        if (stores.storeRef(STORE).isPresent()) {
            LOG.info("Demo data already present");
            return;
        }
        long store = setup.merchantWithStore("Anna Rossi Moda", STORE, "Demo Boutique", "EUR", "en");
        setup.channelAccount(store, Channel.WHATSAPP, "demo-whatsapp", "Demo Boutique on WhatsApp", "100000000000001",
                "parla-demo-verify-token", "parla-demo-app-secret", "parla-demo-whatsapp-token");
        setup.channelAccount(store, Channel.TELEGRAM, "demo-telegram", "Demo Boutique on Telegram",
                "ParlaDemoBoutiqueBot", null, "parla-demo-telegram-secret", "123456789:parla-demo-telegram-bot-token");
        setup.staffMember("admin@parla.demo", "Platform Admin", hash("parla-admin"), StaffRole.PLATFORM_ADMIN, store);
        setup.staffMember("merchant@parla.demo", "Anna Rossi", hash("parla-merchant"), StaffRole.MERCHANT_ADMIN,
                store);
        setup.staffMember("shopper@parla.demo", "Giulia Bianchi", hash("parla-shopper"), StaffRole.AGENT, store);
        catalog.importProducts(products());
        LOG.info("Demo data loaded: store " + STORE);
    }

    private String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    private static List<ProductUpsert> products() {
        return List.of(
                product("SHOE-SNK-01", "Milano leather sneaker", "shoes", "129.00",
                        "White calf leather sneaker with a cupsole, made in Italy.", "white", sizes(36, 41)),
                product("SHOE-BAL-02", "Ballet flat", "shoes", "89.00",
                        "Soft nappa ballet flat with a bow; goes with everything.", "black", sizes(36, 40)),
                product("SHOE-CHB-03", "Chelsea boot", "shoes", "179.00",
                        "Suede Chelsea boot with elastic sides and a rubber sole.", "tan", sizes(37, 42)),
                product("BAG-TOT-01", "Canvas tote", "bags", "59.00",
                        "Heavy cotton canvas tote with leather handles and an inner pocket.", "natural",
                        new String[]{"ONE"}),
                product("BAG-XBD-02", "Mini crossbody bag", "bags", "119.00",
                        "Grained leather crossbody with an adjustable strap.", "red", new String[]{"ONE"}),
                product("DRS-MID-01", "Linen midi dress", "dresses", "139.00",
                        "Washed linen midi dress with a square neck and side pockets.", "sage",
                        new String[]{"XS", "S", "M", "L"}),
                product("DRS-WRP-02", "Silk wrap dress", "dresses", "219.00",
                        "Printed silk wrap dress with three-quarter sleeves.", "navy",
                        new String[]{"S", "M", "L"}));
    }

    private static ProductUpsert product(String sku, String name, String category, String price, String description,
                                         String color, String[] sizes) {
        List<VariantUpsert> variants = Stream.of(sizes)
                .map(size -> new VariantUpsert(sku + "-" + size, size, color, stockFor(sku, size)))
                .toList();
        return new ProductUpsert(STORE, sku, name, description, category, new BigDecimal(price), "EUR",
                "/c/img/products/" + sku + ".svg", variants);
    }

    /** A believable, repeatable spread of stock: some sizes sold out. */
    private static int stockFor(String sku, String size) {
        return Math.floorMod((sku + size).hashCode(), 9);
    }

    private static String[] sizes(int from, int to) {
        return Stream.iterate(from, s -> s <= to, s -> s + 1).map(String::valueOf).toArray(String[]::new);
    }
}
