package com.parla.platform.control;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.CatalogUpdates;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.catalog.boundary.ProductUpsert;
import com.parla.catalog.boundary.ProductUpsert.VariantUpsert;
import com.parla.connector.api.Channel;
import com.parla.conversation.boundary.Conversations;
import com.parla.customer.boundary.Customers;
import com.parla.order.boundary.OrderDesk;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo (documented in the README): one merchant with two stores on accounts of their own, the English Demo
 * Boutique and the Italian Boutique Milano, each with a catalog of about fifty products ({@code demo/<store>.csv}),
 * a customer with a stored payment account and a live BUY-code offer, and the logins. Loaded once, when
 * {@code parla.demo.enabled} is true and the demo store does not exist yet.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "CatalogIndex"})
public class DemoData {

    public static final String STORE = "demo-boutique";
    public static final String ITALIAN_STORE = "boutique-milano";
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

    @EJB
    CatalogSearch search;

    @EJB
    Customers customers;

    @EJB
    Conversations conversations;

    @EJB
    OrderDesk orders;

    @EJB
    com.parla.store.boundary.ApiTokens apiTokens;

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
                "ParlaDemoBoutiqueBot", null, "parla-demo-telegram-secret", "123456789:parla-demo-telegram-bot-token",
                "284685063:TEST:parla-demo-payments");
        setup.channelAccount(store, Channel.MESSENGER, "demo-messenger", "Demo Boutique on Messenger",
                "100000000000011", "parla-demo-verify-token", "parla-demo-messenger-secret",
                "parla-demo-messenger-token");
        // plaintext mode: the server token signs each push; the AppSecret is exchanged for the access token
        setup.channelAccount(store, Channel.WECHAT, "demo-wechat", "Demo Boutique on WeChat", "wx00d3m0b0u71qu3",
                "parla-demo-wechat-token", null, "parla-demo-wechat-appsecret");
        setup.staffMember("admin@parla.demo", "Platform Admin", hash("parla-admin"), StaffRole.PLATFORM_ADMIN, store);
        setup.staffMember("merchant@parla.demo", "Anna Rossi", hash("parla-merchant"), StaffRole.MERCHANT_ADMIN,
                store);
        setup.staffMember("shopper@parla.demo", "Giulia Bianchi", hash("parla-shopper"), StaffRole.AGENT, store);
        catalog.importProducts(products(STORE));
        apiTokens.register(store, "demo CRM", "parla-demo-api-token");

        long milano = setup.storeOfMerchant(store, ITALIAN_STORE, "Boutique Milano", "EUR", "it");
        setup.channelAccount(milano, Channel.WHATSAPP, "milano-whatsapp", "Boutique Milano su WhatsApp",
                "100000000000002", "parla-milano-verify-token", "parla-milano-app-secret", "parla-milano-whatsapp-token");
        setup.channelAccount(milano, Channel.TELEGRAM, "milano-telegram", "Boutique Milano su Telegram",
                "ParlaBoutiqueMilanoBot", null, "parla-milano-telegram-secret",
                "987654321:parla-milano-telegram-bot-token");
        setup.staffMember("commessa@parla.demo", "Chiara Neri", hash("parla-commessa"), StaffRole.AGENT, milano);
        catalog.importProducts(products(ITALIAN_STORE));
        apiTokens.register(milano, "demo CRM", "parla-milano-api-token");

        customerWithOffer(store, "Anna Verdi", "393331234567", "ACC-DEMO-0001", "CRM-0001",
                "Via Montenapoleone 8, 20121 Milano", "demo-whatsapp", "SHOE-BAL-02", "38", "FLAT38", "79.00");
        customerWithOffer(milano, "Giulia Conti", "393339876543", "ACC-MILANO-0001", "CRM-0001",
                "Corso Buenos Aires 21, 20124 Milano", "milano-whatsapp", "SHOE-DEC-05", "37", "TACCO37", "420.00");
        LOG.info("Demo data loaded: stores " + STORE + " and " + ITALIAN_STORE);
    }

    private void customerWithOffer(long storeId, String name, String waId, String account, String reference,
                                   String address, String accountKey, String sku, String size, String code,
                                   String price) {
        long customer = customers.createWithStoredAccount(storeId, name, "+" + waId, account, address, reference);
        conversations.knownIdentity(storeId, Channel.WHATSAPP, accountKey, waId, customer);
        ProductSummary product = search.productBySku(storeId, sku)
                .orElseThrow(() -> new IllegalStateException("demo product " + sku + " missing"));
        long variant = product.size(size).orElseThrow().variantId();
        orders.createOfferWithCode(storeId, customer, variant, new BigDecimal(price),
                Instant.now().plus(Duration.ofDays(30)), "shopper@parla.demo", code);
    }

    private String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    /** The store's catalog file: sku;name;category;price;color;sizes;description. */
    public static List<ProductUpsert> products(String store) {
        List<ProductUpsert> products = new ArrayList<>();
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + store + ".csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                    .get().parse(reader)) {
                String sku = r.get("sku");
                List<VariantUpsert> variants = new ArrayList<>();
                for (String size : r.get("sizes").split(",")) {
                    variants.add(new VariantUpsert(sku + "-" + size.strip(), size.strip(), r.get("color"),
                            stockFor(sku, size.strip())));
                }
                products.add(new ProductUpsert(store, sku, r.get("name"), r.get("description"), r.get("category"),
                        new BigDecimal(r.get("price")), "EUR", "/c/img/products/" + store + "/" + sku + ".png",
                        variants));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo catalog of " + store, e);
        }
        return products;
    }

    /** A believable, repeatable spread of stock: some sizes sold out, the demo offers' sizes in stock. */
    private static int stockFor(String sku, String size) {
        if ((sku.equals("SHOE-BAL-02") && size.equals("38")) || (sku.equals("SHOE-DEC-05") && size.equals("37"))) {
            return 5;
        }
        return Math.floorMod((sku + size).hashCode(), 9);
    }
}
