package com.parla.dialogue.control;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.CustomerMessage;
import com.parla.customer.boundary.IdentityLinks;
import com.parla.dialogue.entity.DialogueState;
import com.parla.dialogue.entity.Step;
import com.parla.intent.boundary.CustomerIntent;
import com.parla.store.boundary.StoreRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The store's assistant in one conversation: reads a customer's message in the light of what was asked last (the
 * state), and answers it. Taps come back as choice ids; typed text is first matched against the choices shown,
 * then read as the answer to the step's question, then classified for its intent. What it is not sure of it asks
 * about (the two likeliest readings) or hands to a person; it never acts on a guess.
 */
public final class Assistant {

    private static final Set<String> ABOUT_ACCOUNTS = Set.of("create_account", "delete_account", "edit_account",
            "recover_password", "registration_problems", "switch_account");
    /** The most of a message that is read: what is longer is a letter, and a person reads the rest. */
    static final int MAX_READ = 1000;
    /** Wrong link codes a conversation may send within the hour: a mistyped digit or two, never a guessing run. */
    static final int LINK_TRIES = 5;

    private final Shop shop;
    private final StoreRef store;
    private final ConversationRef conversation;
    private final long customerId;
    private final DialogueState state;
    private final Instant now;
    private final Function<String, Texts> textsIn;
    private Texts texts;
    private Replies replies;
    /** The intent read in the message being answered (null: not text). */
    private CustomerIntent read;
    private Handoff handoff;
    private boolean optedOut;

    /** A conversation handed to a person in this turn, and why. */
    public record Handoff(String reason) {
    }

    /** @param textsIn the store's texts in a language */
    public Assistant(Shop shop, StoreRef store, ConversationRef conversation, long customerId, DialogueState state,
                     Instant now, Function<String, Texts> textsIn) {
        this.textsIn = textsIn;
        this.shop = shop;
        this.store = store;
        this.conversation = conversation;
        this.customerId = customerId;
        this.state = state;
        this.now = now;
    }

    /** The intent read in the message answered, if it was text. */
    public Optional<CustomerIntent> intentRead() {
        return Optional.ofNullable(read);
    }

    /** @param firstTurn whether this is the conversation's first answer (it greets) */
    public List<OutboundMessage> answer(CustomerMessage message, boolean firstTurn) {
        replies = new Replies(conversation.accountKey(), conversation.recipient());
        texts = textsIn.apply(state.getLanguage());
        String text = withoutMarkup(message.text() == null ? "" : message.text()).strip();
        boolean tooLong = text.length() > MAX_READ;
        if (tooLong) {
            text = text.substring(0, MAX_READ);
        }
        CustomerIntent intent = null;
        if (message.kind() == InboundMessage.Kind.TEXT && !text.isEmpty()) {
            intent = shop.intents().read(store.id(), text);
            read = intent;
            if (Texts.speaks(intent.language()) && !intent.language().equals(state.getLanguage())
                    && text.length() >= 16) {
                state.setLanguage(intent.language());
                texts = textsIn.apply(intent.language());
            }
        }
        if (intent != null && "opt_out".equals(intent.intent()) && intent.command()) {
            optOut();
            return replies.messages();
        }
        if (state.isHandedOff()) {
            return List.of(); // a person has the conversation
        }
        if (firstTurn) {
            greet(intent == null || !intent.confident() || "greeting".equals(intent.intent()));
            if (intent == null || "greeting".equals(intent.intent()) || (!intent.confident() && !text.isEmpty()
                    && message.payload() == null)) {
                remember();
                return replies.messages();
            }
        }
        if (tooLong) {
            replies.text(texts.get("too.long"));
        }
        if (intent != null && intent.command() && "link_identity".equals(intent.intent())) {
            link(intent.argument()); // before any step: "LINK 482913" is never a delivery address
            remember();
            return replies.messages();
        }
        // while a rating is asked for, a typed number is its stars (the rows on WeChat are numbered so)
        List<Choice> offered = state.getStep() == Step.RATING ? List.of()
                : OfferedChoices.recall(state.getOfferedChoices());
        String choice = message.payload();
        if (choice == null && message.kind() == InboundMessage.Kind.TEXT) {
            choice = OfferedChoices.picked(text, offered).map(Choice::id).orElse(null);
        }
        if (choice != null) {
            onChoice(choice, text);
        } else if (message.kind() == InboundMessage.Kind.LOCATION && state.getStep() == Step.CHECKOUT_ADDRESS) {
            addressGiven(text);
        } else if (message.kind() == InboundMessage.Kind.LOCATION && delivery().onLocation(message)) {
            // the place to meet the courier
        } else if (message.kind() == InboundMessage.Kind.ORDER) {
            cartSent(message.orderedItems());
        } else if (message.kind() == InboundMessage.Kind.MEDIA
                && afterDelivery(talk -> talk.onMedia(message.text()))) {
            // a photo for the rating
        } else if (message.kind() == InboundMessage.Kind.MEDIA) {
            replies.text(texts.get("media"));
        } else if (message.kind() != InboundMessage.Kind.TEXT) {
            replies.text(texts.get("not.understood.media"));
        } else if (!answeredStep(text)) {
            onText(text, intent);
        }
        remember();
        return replies.messages();
    }

    /** Runs the after-delivery talk; hands the conversation to a person when it needs one. */
    private boolean afterDelivery(java.util.function.Predicate<AftercareTalk> step) {
        AftercareTalk talk = new AftercareTalk(shop, store, conversation, customerId, state, texts, replies);
        boolean handled = step.test(talk);
        if (talk.personNeeded() != null) {
            handOff(talk.personNeeded(), null);
        }
        return handled;
    }

    /** The talk about deliveries, in this turn's words and replies. */
    private DeliveryTalk delivery() {
        return new DeliveryTalk(shop, store, conversation, customerId, state, now, texts, replies);
    }

    public Optional<Handoff> handoff() {
        return Optional.ofNullable(handoff);
    }

    // --- what the customer typed or tapped

    private void onChoice(String choice, String text) {
        String[] parts = choice.split(":", 2);
        String arg = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "menu" -> {
                switch (arg) {
                    case "browse" -> categories(null);
                    case "cart" -> showCart();
                    case "orders", "track" -> showOrders();
                    case "agent" -> handOff("asked_for_person", "handoff");
                    default -> categories(null);
                }
            }
            case "cat" -> showCategory(arg);
            case "p" -> number(arg).flatMap(id -> shop.catalog().product(store.id(), id)).ifPresentOrElse(
                    p -> showProduct(p, state.getWantedSize()), () -> categories(null));
            case "sizes" -> number(arg).flatMap(id -> shop.catalog().product(store.id(), id))
                    .ifPresentOrElse(this::askSize, () -> categories(null));
            case "more" -> number(arg).ifPresent(this::showSimilar);
            case "v", "add" -> number(arg).ifPresent(this::addToCart);
            case "checkout" -> startCheckout();
            case "cart" -> {
                if ("empty".equals(arg)) {
                    shop.carts().empty(store.id(), customerId);
                    replies.buttons(texts.get("cart.emptied"), List.of(menu("browse")));
                } else {
                    showCart();
                }
            }
            case "addr" -> {
                if ("saved".equals(arg)) {
                    savedAddress().ifPresentOrElse(this::addressGiven, this::askAddress);
                } else {
                    state.setStep(Step.CHECKOUT_ADDRESS);
                    requestAddress();
                }
            }
            case "date" -> {
                try {
                    state.setDeliveryDate(java.time.LocalDate.parse(arg));
                    askUpdates();
                } catch (java.time.format.DateTimeParseException e) {
                    askDate();
                }
            }
            case "updates" -> placeOrder("yes".equals(arg));
            case "buy" -> {
                if ("yes".equals(arg)) {
                    confirmBuy();
                } else {
                    String code = state.getOfferCode();
                    state.setOfferCode(null);
                    state.setStep(Step.IDLE);
                    var offer = code == null ? null : shop.orders().offer(store.id(), customerId, code);
                    replies.buttons(texts.get("buy.cancelled", "expiry", offer == null || offer.expiresAt() == null
                            ? "" : texts.date(offer.expiresAt().atZone(store.timeZone()).toLocalDate())),
                            List.of(menu("browse"), menu("orders")));
                }
            }
            case "intent" -> act(arg, text, null);
            case "rate" -> afterDelivery(talk -> {
                talk.onChoice(arg);
                return true;
            });
            case "slot", "resched", "meet" -> {
                if (!delivery().onChoice(parts[0], arg)) {
                    categories(null);
                }
            }
            default -> categories(null);
        }
    }

    /** Typed text as the answer to the step's question; false if it is not one. */
    private boolean answeredStep(String text) {
        switch (state.getStep()) {
            case CHOOSING_SIZE -> {
                Optional<ProductSummary> product = currentProduct();
                Optional<String> size = ShopperWords.size(text).or(() -> Optional.of(text.strip()));
                if (product.isPresent() && text.split("\\s+").length <= 5) {
                    Optional<ProductSummary.Size> picked = size.flatMap(s -> product.get().size(s));
                    if (picked.isPresent()) {
                        addToCart(picked.get().variantId());
                        return true;
                    }
                }
                return false;
            }
            case CHECKOUT_ADDRESS -> {
                if (ShopperWords.no(text) || text.length() < 8 || !text.matches(".*\\p{L}.*")) {
                    replies.text(texts.get("checkout.address.invalid"));
                    return true;
                }
                addressGiven(text);
                return true;
            }
            case CHECKOUT_UPDATES -> {
                if (ShopperWords.yes(text) || ShopperWords.no(text)) {
                    placeOrder(ShopperWords.yes(text));
                    return true;
                }
                return false;
            }
            case CONFIRM_BUY -> {
                if (ShopperWords.yes(text)) {
                    confirmBuy();
                    return true;
                }
                if (ShopperWords.no(text)) {
                    onChoice("buy:no", text);
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private void onText(String text, CustomerIntent intent) {
        if (afterDelivery(talk -> talk.onText(text)) || delivery().onText(text, intent)) {
            return;
        }
        if (ShopperWords.thanks(text)) {
            replies.text(texts.get("thanks"));
            return;
        }
        if (ShopperWords.cart(text)) {
            showCart();
            return;
        }
        if (ShopperWords.checkout(text)) {
            startCheckout();
            return;
        }
        if (ShopperWords.optIn(text)) {
            shop.customers().optIn(store.id(), customerId, conversation.channel().wireName() + " chat");
            replies.text(texts.get("opt.in", "store", store.name()));
            return;
        }
        if (intent == null || "none".equals(intent.intent())) {
            unsure(intent);
            return;
        }
        if (!intent.confident()) {
            unsure(intent);
            return;
        }
        state.setUnsureCount(0);
        act(intent.intent(), text, intent.argument());
    }

    /** Does what an intent asks. */
    private void act(String intent, String text, String argument) {
        switch (intent) {
            case "greeting" -> greet(true);
            case "product_search", "product_availability" -> search(text);
            case "buy" -> {
                if (argument != null) {
                    buyCode(argument);
                } else {
                    buyCurrent(text);
                }
            }
            case "place_order" -> buyCurrent(text);
            case "track_order" -> showOrders();
            case "opt_out" -> optOut();
            case "newsletter_subscription" -> {
                shop.customers().optIn(store.id(), customerId, conversation.channel().wireName() + " chat");
                replies.text(texts.get("opt.in", "store", store.name()));
            }
            case "check_refund_policy" -> replies.buttons(texts.get("policy.returns"),
                    List.of(menu("orders"), menu("agent")));
            case "delivery_options", "delivery_period" -> replies.buttons(texts.get("delivery.info"),
                    List.of(menu("browse"), menu("cart")));
            case "check_payment_methods" -> replies.buttons(texts.get("payment.methods"),
                    List.of(menu("browse"), menu("cart")));
            case "set_up_shipping_address" -> startCheckout();
            default -> {
                if (ABOUT_ACCOUNTS.contains(intent)) {
                    replies.buttons(texts.get("no.account"), List.of(menu("browse"), menu("orders")));
                } else {
                    // complaints, refunds, cancellations, delivery changes, advice and whatever else: a person answers
                    handOff(intent, "handoff");
                }
            }
        }
    }

    // --- browsing and search

    private void categories(String intro) {
        List<String> categories = shop.catalog().categories(store.id());
        List<Choice> rows = categories.stream().map(c -> new Choice("cat:" + c, capitalized(c), null)).toList();
        state.setStep(Step.IDLE);
        if (rows.isEmpty()) {
            replies.text(intro == null ? texts.get("browse.categories") : intro);
        } else {
            replies.list(intro == null ? texts.get("browse.categories") : intro, texts.get("browse.label"), rows);
        }
    }

    private void showCategory(String category) {
        List<ProductSummary> products = shop.catalog().inCategory(store.id(), category, CatalogSearch.MAX_RESULTS);
        if (products.isEmpty()) {
            categories(null);
            return;
        }
        productList(texts.get("category.products", "category", category), products, null);
    }

    private void search(String text) {
        Optional<String> size = ShopperWords.size(text);
        size.ifPresent(state::setWantedSize);
        Optional<ProductSummary> current = currentProduct();
        String query = ShopperWords.withoutSize(text);
        if (current.isPresent() && ShopperWords.refersBack(text) && size.isPresent()) {
            availability(current.get(), size.get());
            return;
        }
        List<ProductSummary> matches = shop.catalog().search(store.id(), texts.language(), query,
                CatalogSearch.MAX_RESULTS);
        // asked for a size: what never comes in it is not an answer
        List<ProductSummary> inSize = size.map(s -> matches.stream().filter(p -> p.size(s).isPresent()).toList())
                .orElse(matches);
        List<ProductSummary> found = inSize.isEmpty() ? matches : inSize;
        if (found.isEmpty()) {
            categories(texts.get("search.none"));
            return;
        }
        if (found.size() == 1) {
            if (size.isPresent()) {
                availability(found.get(0), size.get());
            } else {
                showProduct(found.get(0), null);
            }
            return;
        }
        productList(size.map(s -> texts.get("search.results.size", "size", s))
                .orElseGet(() -> texts.get("search.results")), found, size.orElse(null));
    }

    private void productList(String intro, List<ProductSummary> products, String size) {
        List<Choice> rows = products.stream().map(p -> new Choice("p:" + p.id(), p.name(),
                texts.money(p.price(), p.currency()) + " · " + stockLine(p, size))).toList();
        state.setStep(Step.CHOOSING_PRODUCT);
        String catalog = store.whatsappCatalogId();
        if (catalog != null && conversation.channel() == com.parla.connector.api.Channel.WHATSAPP) {
            // the catalog has an item per size: each product shows as the size asked for, else its first in stock
            List<String> items = products.stream().map(p -> Optional.ofNullable(size).flatMap(p::size)
                    .filter(ProductSummary.Size::inStock).or(() -> p.sizesInStock().stream().findFirst())
                    .orElse(p.sizes().get(0)).sku()).toList();
            replies.productList(store.name(), intro + "\n" + texts.get("catalog.hint"), catalog, items, rows);
            return;
        }
        List<String> pictures = conversation.channel() == com.parla.connector.api.Channel.MESSENGER
                ? products.stream().map(this::imageUrl).toList() : List.of();
        if (!pictures.isEmpty() && pictures.stream().allMatch(java.util.Objects::nonNull)) {
            // a carousel of the products' pictures; its cards carry no text, so the intro goes before it
            List<Choice> cards = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                cards.add(new Choice(rows.get(i).id(), rows.get(i).title(), rows.get(i).description(),
                        pictures.get(i)));
            }
            replies.text(intro);
            replies.list(intro, texts.get("product.button.see"), cards);
            return;
        }
        replies.list(intro, texts.get("search.label"), rows);
    }

    /** "36–40" or, for a size asked for, "38 in stock" / "38 sold out". */
    private String stockLine(ProductSummary p, String size) {
        if (size != null) {
            return p.size(size).map(s -> s.label() + (s.inStock() ? " ✓" : " ✗")).orElse(size + " –");
        }
        List<String> inStock = p.sizesInStock().stream().map(ProductSummary.Size::label).toList();
        if (inStock.isEmpty()) {
            return texts.get("product.one.size.sold.out");
        }
        return p.oneSize() ? inStock.get(0) : String.join(" ", inStock);
    }

    private void availability(ProductSummary product, String size) {
        state.setProductId(product.id());
        Optional<ProductSummary.Size> variant = product.size(size);
        if (variant.isEmpty()) {
            replies.text(texts.get("size.unknown", "name", product.name(), "size", size, "sizes",
                    String.join(", ", product.sizes().stream().map(ProductSummary.Size::label).toList())));
            askSize(product);
            return;
        }
        if (variant.get().inStock()) {
            state.setVariantId(variant.get().variantId());
            replies.buttons(texts.get("size.available", "name", product.name(), "size", variant.get().label()),
                    List.of(new Choice("add:" + variant.get().variantId(),
                                    texts.get("product.button.add.size", "size", variant.get().label()), null),
                            new Choice("sizes:" + product.id(), texts.get("product.button.sizes"), null),
                            menu("cart")), imageUrl(product));
            state.setStep(Step.IDLE);
            return;
        }
        replies.text(texts.get("size.sold.out", "name", product.name(), "size", variant.get().label()));
        List<ProductSummary> similar = shop.catalog().similar(store.id(), product.id(), variant.get().label(), 5);
        if (!similar.isEmpty()) {
            productList(texts.get("similar.offer", "size", variant.get().label()), similar, variant.get().label());
        } else {
            askSize(product);
        }
    }

    private void showProduct(ProductSummary product, String wantedSize) {
        state.setProductId(product.id());
        state.setVariantId(null);
        List<String> inStock = product.sizesInStock().stream().map(ProductSummary.Size::label).toList();
        List<String> soldOut = product.sizes().stream().filter(s -> !s.inStock()).map(ProductSummary.Size::label)
                .toList();
        String sizes;
        if (product.oneSize()) {
            sizes = texts.get(inStock.isEmpty() ? "product.one.size.sold.out" : "product.one.size");
        } else if (inStock.isEmpty()) {
            sizes = texts.get("product.all.sold.out");
        } else {
            sizes = texts.get("product.sizes.in.stock", "sizes", String.join(", ", inStock))
                    + (soldOut.isEmpty() ? "" : "\n" + texts.get("product.sizes.sold.out", "sizes",
                    String.join(", ", soldOut)));
        }
        String card = texts.get("product.card", "name", product.name(), "price",
                texts.money(product.price(), product.currency()), "description", product.description(),
                "sizes", sizes);
        List<Choice> buttons = new ArrayList<>();
        Optional<ProductSummary.Size> wanted = Optional.ofNullable(wantedSize).flatMap(product::size)
                .filter(ProductSummary.Size::inStock);
        if (product.oneSize() && !inStock.isEmpty()) {
            buttons.add(new Choice("add:" + product.sizes().get(0).variantId(), texts.get("product.button.add"),
                    null));
        } else if (wanted.isPresent()) {
            buttons.add(new Choice("add:" + wanted.get().variantId(), texts.get("product.button.add.size", "size",
                    wanted.get().label()), null));
            buttons.add(new Choice("sizes:" + product.id(), texts.get("product.button.sizes"), null));
        } else if (!inStock.isEmpty()) {
            buttons.add(new Choice("sizes:" + product.id(), texts.get("product.button.sizes"), null));
        }
        buttons.add(new Choice("more:" + product.id(), texts.get("product.button.more"), null));
        if (buttons.size() < Replies.MAX_BUTTONS) {
            buttons.add(menu("cart"));
        }
        state.setStep(Step.IDLE);
        replies.buttons(card, buttons, imageUrl(product));
    }

    private void askSize(ProductSummary product) {
        state.setProductId(product.id());
        List<ProductSummary.Size> inStock = product.sizesInStock();
        if (inStock.isEmpty()) {
            replies.text(texts.get("product.all.sold.out"));
            showSimilar(product.id());
            return;
        }
        List<Choice> rows = inStock.stream().map(s -> new Choice("v:" + s.variantId(), s.label(),
                texts.get("size.in.stock", "stock", s.stock()))).toList();
        state.setStep(Step.CHOOSING_SIZE);
        replies.list(texts.get("sizes.ask", "name", product.name()), texts.get("sizes.label"), rows);
    }

    private void showSimilar(long productId) {
        List<ProductSummary> similar = shop.catalog().similar(store.id(), productId, null, 5);
        if (similar.isEmpty()) {
            categories(null);
        } else {
            productList(texts.get("similar.offer.any"), similar, null);
        }
    }

    private Optional<ProductSummary> currentProduct() {
        return Optional.ofNullable(state.getProductId()).flatMap(id -> shop.catalog().product(store.id(), id));
    }

    private String imageUrl(ProductSummary product) {
        String path = product.imagePath();
        if (path == null || path.isBlank()) {
            return null;
        }
        return path.startsWith("http") ? path : shop.publicUrl().replaceAll("/+$", "") + path;
    }

    // --- the cart and checkout

    private void buyCurrent(String text) {
        Optional<ProductSummary> current = currentProduct();
        if (current.isEmpty()) {
            search(text);
            return;
        }
        Optional<String> size = ShopperWords.size(text).or(() -> Optional.ofNullable(state.getWantedSize()));
        Optional<ProductSummary.Size> variant = current.get().oneSize() ? Optional.of(current.get().sizes().get(0))
                : Optional.ofNullable(state.getVariantId()).flatMap(current.get()::variant)
                .or(() -> size.flatMap(current.get()::size));
        if (variant.isPresent() && variant.get().inStock()) {
            addToCart(variant.get().variantId());
        } else {
            askSize(current.get());
        }
    }

    private void addToCart(long variantId) {
        Optional<ProductSummary> product = shop.catalog().productOfVariant(store.id(), variantId);
        if (product.isEmpty()) {
            categories(null);
            return;
        }
        ProductSummary.Size size = product.get().variant(variantId).orElseThrow();
        state.setProductId(product.get().id());
        state.setVariantId(variantId);
        switch (shop.carts().add(store.id(), customerId, variantId, 1)) {
            case ADDED -> {
                var cart = shop.carts().cart(store.id(), customerId, store.currency());
                String total = texts.money(cart.total(), cart.currency());
                String count = cart.count() == 1 ? texts.get("cart.count.one")
                        : texts.get("cart.count.many", "count", cart.count());
                replies.buttons(product.get().oneSize()
                                ? texts.get("cart.added.one", "name", product.get().name(), "count", count,
                                "total", total)
                                : texts.get("cart.added", "name", product.get().name(), "size", size.label(),
                                "count", count, "total", total),
                        List.of(new Choice("checkout", texts.get("cart.button.checkout"), null),
                                new Choice("menu:browse", texts.get("cart.button.shop"), null), menu("cart")));
                state.setStep(Step.IDLE);
            }
            case NOT_IN_STOCK -> {
                replies.text(texts.get("cart.not.in.stock", "name", product.get().name(), "size", size.label()));
                askSize(product.get());
            }
            case CART_FULL -> replies.buttons(texts.get("cart.full", "max", com.parla.order.boundary.Carts.MAX_LINES),
                    List.of(new Choice("checkout", texts.get("cart.button.checkout"), null), menu("cart")));
            case TOO_MANY -> replies.buttons(texts.get("cart.too.many", "max", com.parla.order.boundary.Carts.MAX_QUANTITY),
                    List.of(new Choice("checkout", texts.get("cart.button.checkout"), null), menu("cart")));
            case UNKNOWN_PRODUCT -> categories(null);
        }
    }

    /** A cart sent from the channel's catalog: its items join the cart, then the cart is shown to check out. */
    private void cartSent(List<CustomerMessage.OrderedItem> items) {
        List<String> refused = new ArrayList<>();
        for (CustomerMessage.OrderedItem item : items) {
            Optional<ProductSummary> product = shop.catalog().productOfVariantSku(store.id(), item.sku());
            Optional<ProductSummary.Size> size = product.flatMap(p -> p.sizes().stream()
                    .filter(s -> s.sku().equals(item.sku())).findFirst());
            var added = size.map(s -> shop.carts().add(store.id(), customerId, s.variantId(), item.quantity()))
                    .orElse(com.parla.order.boundary.Carts.Added.UNKNOWN_PRODUCT);
            if (added != com.parla.order.boundary.Carts.Added.ADDED) {
                refused.add(product.map(p -> size.get().label().equalsIgnoreCase("ONE") ? p.name()
                        : p.name() + " " + size.get().label()).orElse(item.sku()) + ": "
                        + texts.get("catalog.refused." + added.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        if (!refused.isEmpty()) {
            replies.text(texts.get("catalog.some.refused", "items", String.join("\n", refused)));
        }
        showCart();
    }

    private void showCart() {
        var cart = shop.carts().cart(store.id(), customerId, store.currency());
        if (cart.isEmpty()) {
            categories(texts.get("cart.empty"));
            return;
        }
        List<String> lines = cart.items().stream().map(i -> i.size().equalsIgnoreCase("ONE")
                ? texts.get("cart.line.one", "quantity", i.quantity(), "name", i.productName(), "price",
                texts.money(i.lineTotal(), cart.currency()))
                : texts.get("cart.line", "quantity", i.quantity(), "name", i.productName(), "size", i.size(),
                "price", texts.money(i.lineTotal(), cart.currency()))).toList();
        state.setStep(Step.IDLE);
        replies.buttons(texts.get("cart.view", "lines", String.join("\n", lines), "total",
                        texts.money(cart.total(), cart.currency())),
                List.of(new Choice("checkout", texts.get("cart.button.checkout"), null),
                        new Choice("menu:browse", texts.get("cart.button.shop"), null),
                        new Choice("cart:empty", texts.get("cart.button.empty"), null)));
    }

    private void startCheckout() {
        var cart = shop.carts().cart(store.id(), customerId, store.currency());
        if (cart.isEmpty()) {
            categories(texts.get("cart.empty"));
            return;
        }
        state.forgetCheckout();
        askAddress();
    }

    private void askAddress() {
        state.setStep(Step.CHECKOUT_ADDRESS);
        Optional<String> saved = savedAddress();
        if (saved.isPresent()) {
            replies.buttons(texts.get("checkout.address.saved", "address", saved.get()),
                    List.of(new Choice("addr:saved", texts.get("checkout.address.button.saved"), null),
                            new Choice("addr:other", texts.get("checkout.address.button.other"), null)));
        } else {
            requestAddress();
        }
    }

    /** Messenger can no longer share a location: there the address is typed. */
    private void requestAddress() {
        if (conversation.channel() == com.parla.connector.api.Channel.MESSENGER) {
            replies.text(texts.get("checkout.address.typed"));
        } else {
            replies.locationRequest(texts.get("checkout.address"));
        }
    }

    private Optional<String> savedAddress() {
        return shop.customers().find(store.id(), customerId).map(c -> c.deliveryAddress())
                .filter(a -> a != null && !a.isBlank());
    }

    private void addressGiven(String address) {
        state.setDeliveryAddress(Replies.cut(address.strip(), 500));
        askDate();
    }

    private void askDate() {
        // the days the carrier has room on, from the day after tomorrow; the store's working days if none has
        List<LocalDate> free = shop.deliveries().daysWithRoom(store.id(), now.atZone(store.timeZone()).toLocalDate()
                .plusDays(2), 3);
        List<Choice> days = (free.isEmpty() ? DeliveryDays.next(store, ZonedDateTime.ofInstant(now,
                store.timeZone()), 3) : free).stream().map(d -> new Choice("date:" + d, texts.date(d), null)).toList();
        state.setStep(Step.CHECKOUT_DATE);
        replies.buttons(texts.get("checkout.date", "address", state.getDeliveryAddress()), days);
    }

    private void askUpdates() {
        state.setStep(Step.CHECKOUT_UPDATES);
        replies.buttons(texts.get("checkout.updates"),
                List.of(new Choice("updates:yes", texts.get("checkout.updates.yes"), null),
                        new Choice("updates:no", texts.get("checkout.updates.no"), null)));
    }

    private void placeOrder(boolean updates) {
        if (state.getDeliveryAddress() == null) {
            askAddress();
            return;
        }
        if (state.getDeliveryDate() == null) {
            askDate();
            return;
        }
        if (updates) {
            shop.customers().optIn(store.id(), customerId, conversation.channel().wireName() + " checkout");
        }
        var placement = shop.orders().placeFromCart(store.id(), customerId, conversation.id(), store.currency(),
                state.getDeliveryAddress(), state.getDeliveryDate(), updates,
                java.time.Duration.ofMinutes(shop.reservationMinutes(store)));
        state.setStep(Step.IDLE);
        if (placement instanceof com.parla.order.boundary.Placement.Placed placed) {
            var order = placed.order();
            state.setOrderId(order.id());
            state.forgetCheckout();
            String total = texts.money(order.total(), order.currency());
            String text = texts.get("checkout.placed", "reference", order.reference(), "lines",
                    Notices.lines(order), "total", total + discount(order), "date", texts.date(order.deliveryDate()), "address",
                    order.deliveryAddress(), "minutes", shop.reservationMinutes(store));
            replies.payment(text, Notices.paymentRequest(order, texts, shop.paymentLinks().linkFor(order)));
        } else if (placement instanceof com.parla.order.boundary.Placement.SoldOut soldOut) {
            replies.buttons(texts.get("checkout.sold.out", "name", soldOut.productName(), "size", soldOut.size()),
                    List.of(menu("cart"), menu("browse")));
        } else {
            categories(texts.get("cart.empty"));
        }
    }

    /** " (your code THXK7MPX2: −€8.90)" when a saved code took part of the total; else "". */
    private String discount(com.parla.order.boundary.OrderView order) {
        return order.discountCode() == null ? "" : texts.get("checkout.discount", "code", order.discountCode(),
                "amount", texts.money(order.discount(), order.currency()));
    }

    // --- BUY codes

    private void buyCode(String code) {
        var offer = shop.orders().offer(store.id(), customerId, code);
        String expiry = offer.expiresAt() == null ? ""
                : texts.date(offer.expiresAt().atZone(store.timeZone()).toLocalDate());
        switch (offer.standing()) {
            case OK -> {
                var customer = shop.customers().find(store.id(), customerId);
                if (customer.isEmpty() || !customer.get().hasStoredAccount()) {
                    replies.text(texts.get("buy.no.account", "code", offer.code()));
                    handOff("buy_code_without_account", null);
                    return;
                }
                state.setOfferCode(offer.code());
                state.setStep(Step.CONFIRM_BUY);
                String address = Optional.ofNullable(customer.get().deliveryAddress()).orElse("—");
                String price = texts.money(offer.price(), offer.currency());
                replies.buttons("ONE".equalsIgnoreCase(offer.size())
                                ? texts.get("buy.confirm.one", "name", offer.productName(), "price", price, "address",
                                address)
                                : texts.get("buy.confirm", "name", offer.productName(), "size", offer.size(), "price",
                                price, "address", address),
                        List.of(new Choice("buy:yes", texts.get("buy.button.yes"), null),
                                new Choice("buy:no", texts.get("buy.button.no"), null)));
            }
            case UNKNOWN -> {
                Optional<ProductSummary> product = shop.catalog().productBySku(store.id(), code);
                if (product.isPresent()) {
                    replies.text(texts.get("buy.product", "name", product.get().name()));
                    if (product.get().oneSize()) {
                        showProduct(product.get(), null);
                    } else {
                        askSize(product.get());
                    }
                } else {
                    replies.text(texts.get("buy.unknown", "code", offer.code()));
                }
            }
            case OTHER_STORE -> replies.text(texts.get("buy.other.store", "code", offer.code(), "store", store.name()));
            case NOT_YOURS -> replies.text(texts.get("buy.not.yours", "code", offer.code()));
            case EXPIRED -> replies.text(texts.get("buy.expired", "code", offer.code(), "expiry", expiry));
            case USED -> replies.text(texts.get("buy.used", "code", offer.code(), "reference",
                    offer.orderReference()));
            case SOLD_OUT -> replies.text(texts.get("buy.sold.out", "code", offer.code()));
        }
    }

    private void confirmBuy() {
        String code = state.getOfferCode();
        state.setStep(Step.IDLE);
        state.setOfferCode(null);
        if (code == null) {
            categories(null);
            return;
        }
        var address = shop.customers().find(store.id(), customerId).map(c -> c.deliveryAddress()).orElse(null);
        var order = shop.orders().buyOffer(store.id(), customerId, conversation.id(), code, address,
                java.time.Duration.ofMinutes(shop.reservationMinutes(store)));
        if (order.isEmpty()) {
            buyCode(code); // says why not: used, expired, sold out meanwhile
            return;
        }
        state.setOrderId(order.get().id());
        replies.text(texts.get("buy.placed", "reference", order.get().reference(), "name",
                order.get().lines().get(0).productName(), "price",
                texts.money(order.get().total(), order.get().currency()) + discount(order.get())));
    }

    // --- orders, people, consent

    private void showOrders() {
        var orders = shop.orders().openOrders(store.id(), customerId);
        if (orders.isEmpty()) {
            replies.buttons(texts.get("orders.none"), List.of(menu("browse"), menu("agent")));
            return;
        }
        List<String> lines = orders.stream().map(o -> texts.get("orders.line", "reference", o.reference(), "lines",
                Notices.lines(o), "total", texts.money(o.total(), o.currency()), "status",
                shop.deliveries().ofOrder(store.id(), o.reference()).map(s -> DeliveryReplies.status(texts, s,
                        shop.deliveries().trackingUrl(s))).orElseGet(() -> texts.get("orders.status." + o.status()))))
                .toList();
        replies.buttons(texts.get("orders.list", "orders", String.join("\n", lines)),
                List.of(menu("browse"), menu("agent")));
    }

    /** LINK gives a code for the other app; LINK and a code, sent from there, joins this identity to its owner. */
    private void link(String code) {
        if (code == null) {
            var issued = shop.identityLinks().issue(store.id(), customerId);
            replies.text(texts.get("link.code", "code", issued.code(), "minutes",
                    IdentityLinks.CODE_LIFETIME.toMinutes(), "store", store.name()));
            return;
        }
        if (!state.mayTryLinkCode(now, LINK_TRIES)) {
            replies.text(texts.get("link.blocked"));
            return;
        }
        var redeemed = code.length() == 6 ? shop.identityLinks().redeem(store.id(), customerId, code)
                : new IdentityLinks.Redeemed(IdentityLinks.Outcome.WRONG_CODE, Optional.empty());
        switch (redeemed.outcome()) {
            case JOINED -> {
                replies.buttons(texts.get("link.joined", "customer", firstName(redeemed.customer()
                        .map(c -> c.displayName()).orElse(null))), List.of(menu("cart"), menu("orders")));
            }
            case ALREADY_ONE -> replies.text(texts.get("link.already"));
            case WRONG_CODE -> {
                state.linkCodeFailed(now);
                replies.text(texts.get(state.mayTryLinkCode(now, LINK_TRIES) ? "link.wrong" : "link.blocked"));
            }
        }
    }

    private void unsure(CustomerIntent intent) {
        if (state.getUnsureCount() >= 1) {
            handOff("low_confidence", "handoff.unsure");
            return;
        }
        state.setUnsureCount(state.getUnsureCount() + 1);
        List<Choice> readings = new ArrayList<>();
        if (intent != null) {
            List<String> likeliest = new ArrayList<>();
            likeliest.add(intent.intent());
            likeliest.addAll(intent.alternatives());
            likeliest.stream().filter(i -> !"none".equals(i) && texts.has("intent." + i)
                            && !"contact_human_agent".equals(i)).distinct().limit(2)
                    .forEach(i -> readings.add(new Choice("intent:" + i, texts.get("intent." + i), null)));
        }
        if (readings.isEmpty()) {
            readings.add(menu("browse"));
        }
        readings.add(menu("agent"));
        state.setStep(Step.CLARIFYING);
        replies.buttons(texts.get("clarify"), readings);
    }

    private void handOff(String reason, String textKey) {
        ZonedDateTime at = ZonedDateTime.ofInstant(now, store.timeZone());
        if (textKey != null) {
            if (store.isOpen(at) || !"handoff".equals(textKey)) {
                replies.text(texts.get(textKey, "store", store.name()));
            } else {
                ZonedDateTime opening = store.nextOpening(at);
                replies.text(texts.get("handoff.closed", "store", store.name(), "opening",
                        texts.date(opening.toLocalDate()) + " " + opening.toLocalTime()));
            }
        }
        state.handOff(reason, now);
        handoff = new Handoff(reason);
    }

    private void optOut() {
        shop.customers().optOut(store.id(), customerId);
        replies.text(texts.get("opt.out", "store", store.name()));
        optedOut = true;
    }

    /** Whether this turn opted the customer out (the conversation's identity follows). */
    public boolean optedOut() {
        return optedOut;
    }

    private void greet(boolean withMenu) {
        String hello = texts.get(state.getTurns() == 0 ? "greeting" : "greeting.again", "customer",
                firstName(conversation.customerName()), "store", store.name());
        if (withMenu) {
            replies.buttons(hello, List.of(menu("browse"), menu("orders"), menu("agent")));
            state.setStep(Step.IDLE);
        } else {
            replies.text(hello);
        }
    }

    /** " Anna" of "Anna Verdi", for the texts' {customer}; nothing without a name. */
    static String firstName(String name) {
        return name == null || name.isBlank() ? "" : " " + name.strip().split("\\s+")[0];
    }

    private Choice menu(String item) {
        return new Choice("menu:" + item, texts.get("menu." + item), null);
    }

    /** Keeps the choices just shown, for a typed answer to them. */
    private void remember() {
        List<Choice> shown = replies.lastChoices();
        state.setOfferedChoices(shown.isEmpty() ? null : OfferedChoices.remember(shown));
    }

    /**
     * The words of a message without any HTML in it: pasted or hostile markup ({@code <script>...</script>}) is
     * neither read as words nor echoed; the stored message keeps it as it came.
     */
    static String withoutMarkup(String text) {
        return text.replaceAll("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>", " ")
                .replaceAll("<[^<>]{0,500}>", " ").replaceAll("\\s{2,}", " ");
    }

    private static Optional<Long> number(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
