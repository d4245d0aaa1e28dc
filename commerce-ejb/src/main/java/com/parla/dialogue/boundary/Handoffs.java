package com.parla.dialogue.boundary;

import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.Conversations;
import com.parla.conversation.boundary.Inbox;
import com.parla.dialogue.control.Texts;
import com.parla.dialogue.control.Wording;
import com.parla.dialogue.entity.DialogueState;
import com.parla.dialogue.entity.Step;
import com.parla.order.boundary.OfferView;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who has a conversation, the bot or a person of the store, for the REST API and the console; and the
 * messages staff send through the bot's voice (an offer). Every call is scoped to the caller's store: another
 * store's conversation is not found.
 */
@Stateless
public class Handoffs {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    StoreDirectory stores;

    @EJB
    Inbox inbox;

    /** A conversation's state as the API shows it. */
    public record ConversationState(long id, String channel, String customer, boolean handedOff, String reason,
                                    Instant handedOffAt, String step, boolean windowOpen) implements Serializable {
    }

    public Optional<ConversationState> state(long storeId, long conversationId) {
        return own(storeId, conversationId).map(c -> {
            DialogueState state = em.find(DialogueState.class, conversationId);
            return new ConversationState(c.id(), c.channel().wireName(), c.customerName(),
                    state != null && state.isHandedOff(), state == null ? null : state.getHandoffReason(),
                    state == null ? null : state.getHandedOffAt(),
                    state == null ? Step.IDLE.name() : state.getStep().name(), c.freeFormAllowed(Instant.now()));
        });
    }

    /** A person takes the conversation: the bot is silent from its next message on. */
    public Optional<ConversationState> handOff(long storeId, long conversationId, String reason) {
        Optional<ConversationRef> conversation = own(storeId, conversationId);
        conversation.ifPresent(c -> {
            locked(c).handOff(reason == null ? "staff" : reason, Instant.now());
            inbox.changedOnCommit();
        });
        return conversation.flatMap(c -> state(storeId, conversationId));
    }

    /**
     * A person of the store writes to the customer in the console. The conversation is theirs from then on: the
     * assistant falls silent (handed off, reason "staff_replied", unless it was already), and it is assigned to them
     * if nobody had it. The message goes out as any reply does, after the commit.
     *
     * @return false if the conversation is not of the caller's stores
     * @throws com.parla.platform.boundary.Refusal outside the service window, or for an empty or too long text
     */
    public boolean staffReply(Set<Long> storeIds, long conversationId, long staffId, String text) {
        Optional<ConversationRef> conversation = conversations.conversation(conversationId)
                .filter(c -> storeIds.contains(c.storeId()));
        if (conversation.isEmpty() || !inbox.reply(storeIds, conversationId, staffId, text)) {
            return false;
        }
        DialogueState state = locked(conversation.get());
        if (!state.isHandedOff()) {
            state.handOff("staff_replied", Instant.now());
        }
        inbox.takeIfFree(storeIds, conversationId, staffId);
        return true;
    }

    /** The bot answers again, and says so to the customer if the window allows a message. */
    public Optional<ConversationState> handBack(long storeId, long conversationId) {
        Optional<ConversationRef> conversation = own(storeId, conversationId);
        conversation.ifPresent(c -> {
            DialogueState state = locked(c);
            boolean wasHandedOff = state.isHandedOff();
            state.handBack();
            inbox.changedOnCommit();
            if (wasHandedOff && c.freeFormAllowed(Instant.now())) {
                conversations.reply(c.id(), OutboundMessage.text(c.accountKey(), c.recipient(),
                        new Wording(em).texts(storeId, state.getLanguage()).get("handback")));
            }
        });
        return conversation.flatMap(c -> state(storeId, conversationId));
    }

    /**
     * Sends a BUY-code offer to the customer in their latest conversation, if its window is open.
     *
     * @return the conversation it went to, or empty if none can take a free-form message now (a template would)
     */
    public Optional<Long> sendOffer(long storeId, long customerId, OfferView offer) {
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        Optional<ConversationRef> open = conversations.conversationsOf(customerId).stream()
                .filter(c -> c.storeId() == storeId && c.freeFormAllowed(Instant.now())).findFirst();
        open.ifPresent(c -> {
            Texts texts = ConversationTexts.of(em, c, store);
            String expiry = texts.date(offer.expiresAt().atZone(store.timeZone()).toLocalDate());
            String price = texts.money(offer.price(), offer.currency());
            String text = "ONE".equalsIgnoreCase(offer.size())
                    ? texts.get("offer.message.one", "store", store.name(), "name", offer.productName(), "price",
                    price, "code", offer.code(), "expiry", expiry)
                    : texts.get("offer.message", "store", store.name(), "name", offer.productName(), "size",
                    offer.size(), "price", price, "code", offer.code(), "expiry", expiry);
            conversations.reply(c.id(), OutboundMessage.text(c.accountKey(), c.recipient(), text));
        });
        return open.map(ConversationRef::id);
    }

    private Optional<ConversationRef> own(long storeId, long conversationId) {
        return conversations.conversation(conversationId).filter(c -> c.storeId() == storeId);
    }

    private DialogueState locked(ConversationRef c) {
        DialogueState state = em.find(DialogueState.class, c.id(), LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new DialogueState(c.id(), c.storeId(), stores.storeRef(c.storeId()).orElseThrow()
                    .defaultLanguage(), Instant.now());
            em.persist(state);
        }
        return state;
    }
}
