package com.parla.dialogue.boundary;

import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.Conversations;
import com.parla.dialogue.control.Replies;
import com.parla.dialogue.control.Texts;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Writes what the store tells a customer unasked (an order paid, a delivery booked, the courier on the way) to the
 * outbox of the conversation it is about, in the caller's transaction: free-form inside the channel's service window,
 * outside it as the channel allows a business to write (see {@link #template}), and nothing where it allows nothing.
 */
final class ChatNotices {

    /** The store's approved utility template for order and delivery updates: {{1}} the order, {{2}} the news. */
    static final String UPDATE_TEMPLATE = "parla_order_update";
    /** Messenger's message tag for updates about a purchase (shipping, delivery). */
    static final String POST_PURCHASE_TAG = "POST_PURCHASE_UPDATE";

    private static final Logger LOG = Logger.getLogger(ChatNotices.class.getName());

    private final EntityManager em;
    private final Conversations conversations;
    private final StoreDirectory stores;

    ChatNotices(EntityManager em, Conversations conversations, StoreDirectory stores) {
        this.em = em;
        this.conversations = conversations;
        this.stores = stores;
    }

    /**
     * @param freeForm writes the messages, inside the window
     * @param outside  the template's parameters outside it, or null: then nothing is sent
     * @return the choices the message put before the customer: none after a template or when nothing was sent
     */
    List<Choice> tell(Long conversationId, long storeId, BiConsumer<Replies, Texts> freeForm,
                                Function<Texts, List<String>> outside) {
        Optional<ConversationRef> found = conversationId == null ? Optional.empty()
                : conversations.conversation(conversationId);
        if (found.isEmpty()) {
            return List.of();
        }
        ConversationRef conversation = found.get();
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        Texts texts = ConversationTexts.of(em, conversation, store);
        if (conversation.freeFormAllowed(Instant.now())) {
            Replies replies = new Replies(conversation.accountKey(), conversation.recipient());
            freeForm.accept(replies, texts);
            replies.messages().forEach(m -> conversations.reply(conversation.id(), m));
            return replies.lastChoices();
        }
        Optional<OutboundMessage> template = outside == null ? Optional.empty()
                : template(conversation, texts.language(), outside.apply(texts));
        template.ifPresentOrElse(t -> conversations.reply(conversation.id(), t), () -> LOG.info(() ->
                "Conversation " + conversation.id() + ": no message, the service window is closed"));
        return List.of();
    }

    /**
     * The update as the channel lets a business write outside the window: WhatsApp's approved template with the
     * order and the news as its parameters, Messenger's post-purchase message tag with the news as text, WeChat's
     * template message when the store's template id is configured ({@code parla.channel.wechat.update-template});
     * else none.
     */
    private static Optional<OutboundMessage> template(ConversationRef conversation, String language,
                                                      List<String> parameters) {
        String news = parameters.get(parameters.size() - 1);
        OutboundMessage.Builder message = OutboundMessage.builder(conversation.accountKey(), conversation.recipient(),
                OutboundMessage.Kind.TEMPLATE).text(news);
        return switch (conversation.channel()) {
            case WHATSAPP -> Optional.of(message.template(new OutboundMessage.Template(UPDATE_TEMPLATE, language,
                    parameters)).build());
            case MESSENGER -> Optional.of(message.template(new OutboundMessage.Template(POST_PURCHASE_TAG, language,
                    List.of())).build());
            case WECHAT -> ConfigProvider.getConfig()
                    .getOptionalValue("parla.channel.wechat.update-template", String.class)
                    .map(id -> message.template(new OutboundMessage.Template(id, language, parameters)).build());
            default -> Optional.empty();
        };
    }
}
