package com.parla.dialogue.boundary;

import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.Conversations;
import com.parla.dialogue.control.Replies;
import com.parla.dialogue.control.Texts;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Writes what the store tells a customer unasked (an order paid, a delivery booked, the courier on the way) to the
 * outbox of the conversation it is about, in the caller's transaction: free-form inside the channel's service window,
 * the approved template outside it, and nothing where there is no template for it.
 */
final class ChatNotices {

    /** The store's approved utility template for order and delivery updates: {{1}} the order, {{2}} the news. */
    static final String UPDATE_TEMPLATE = "parla_order_update";

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
     */
    void tell(Long conversationId, long storeId, BiConsumer<Replies, Texts> freeForm,
              Function<Texts, java.util.List<String>> outside) {
        Optional<ConversationRef> found = conversationId == null ? Optional.empty()
                : conversations.conversation(conversationId);
        if (found.isEmpty()) {
            return;
        }
        ConversationRef conversation = found.get();
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        Texts texts = ConversationTexts.of(em, conversation.id(), store);
        if (conversation.freeFormAllowed(Instant.now())) {
            Replies replies = new Replies(conversation.accountKey(), conversation.recipient());
            freeForm.accept(replies, texts);
            replies.messages().forEach(m -> conversations.reply(conversation.id(), m));
        } else if (outside != null) {
            conversations.reply(conversation.id(), OutboundMessage.builder(conversation.accountKey(),
                    conversation.recipient(), OutboundMessage.Kind.TEMPLATE).template(new OutboundMessage.Template(
                    UPDATE_TEMPLATE, texts.language(), outside.apply(texts))).build());
        } else {
            LOG.info(() -> "Conversation " + conversation.id() + ": no message, the service window is closed");
        }
    }
}
