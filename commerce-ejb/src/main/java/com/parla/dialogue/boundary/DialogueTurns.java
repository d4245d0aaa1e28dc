package com.parla.dialogue.boundary;

import com.parla.aftersales.boundary.Aftercare;
import com.parla.catalog.boundary.CatalogSearch;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.Conversations;
import com.parla.conversation.boundary.CustomerMessage;
import com.parla.customer.boundary.Customers;
import com.parla.customer.boundary.IdentityLinks;
import com.parla.delivery.boundary.Deliveries;
import com.parla.dialogue.control.Assistant;
import com.parla.dialogue.control.Shop;
import com.parla.dialogue.control.Wording;
import com.parla.dialogue.entity.DialogueState;
import com.parla.intent.boundary.IntentRecognition;
import com.parla.order.boundary.Carts;
import com.parla.order.boundary.DiscountCodes;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.PaymentLinks;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One turn of a conversation, in a transaction of its own: the oldest pending message is read and answered, the
 * answers are written to the outbox, the state is kept and the message leaves the pending ones, all in one commit.
 */
@Stateless
public class DialogueTurns {

    private static final Logger LOG = Logger.getLogger(DialogueTurns.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    StoreDirectory stores;

    @EJB
    IntentRecognition intents;

    @EJB
    CatalogSearch catalog;

    @EJB
    Carts carts;

    @EJB
    OrderDesk orders;

    @EJB
    Customers customers;

    @EJB
    IdentityLinks identityLinks;

    @EJB
    PaymentLinks paymentLinks;

    @EJB
    Deliveries deliveries;

    @EJB
    Aftercare aftercare;

    @EJB
    DiscountCodes discountCodes;

    @Inject
    @ConfigProperty(name = "parla.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "parla.orders.reservation-minutes")
    Optional<Integer> reservationMinutes;

    /** @return false if the conversation had nothing left to answer */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answerNext(long conversationId) {
        if (conversations.nextToAnswer(conversationId).isEmpty()) {
            return false;
        }
        ConversationRef conversation = conversations.conversation(conversationId).orElseThrow();
        StoreRef store = stores.storeRef(conversation.storeId()).orElseThrow();
        DialogueState state = lockedState(conversation, store);
        // read again under the lock: another server may have answered it meanwhile
        Optional<CustomerMessage> message = conversations.nextToAnswer(conversationId);
        if (message.isEmpty()) {
            return false;
        }
        long customerId = customerOf(conversation);
        boolean firstTurn = conversations.greetOnce(conversationId);
        Instant now = Instant.now();
        Wording wording = new Wording(em);
        Assistant assistant = new Assistant(shop(), store, conversation, customerId, state, now,
                language -> wording.texts(store.id(), language).on(conversation.channel()));
        assistant.answer(message.get(), firstTurn).forEach(reply -> conversations.reply(conversationId, reply));
        assistant.intentRead().filter(i -> !i.command())
                .ifPresent(i -> conversations.understood(message.get().id(), i.intent(), i.confidence()));
        if (assistant.optedOut()) {
            conversations.setOptedOut(conversationId, true);
        }
        assistant.handoff().ifPresent(h -> LOG.info(() -> "Conversation " + conversationId
                + " handed to a person: " + h.reason()));
        conversations.answered(message.get().id());
        state.turn(now);
        return true;
    }

    /**
     * A message that failed its turn three times is left to a person, with an apology, instead of blocking the
     * conversation behind it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void turnFailed(long conversationId) {
        conversations.turnFailed(conversationId, 3).ifPresent(message -> {
            ConversationRef conversation = conversations.conversation(conversationId).orElseThrow();
            StoreRef store = stores.storeRef(conversation.storeId()).orElseThrow();
            DialogueState state = lockedState(conversation, store);
            if (!state.isHandedOff()) {
                state.handOff("engine_error", Instant.now());
                conversations.reply(conversationId, com.parla.connector.api.OutboundMessage.text(
                        conversation.accountKey(), conversation.recipient(), new Wording(em)
                                .texts(store.id(), state.getLanguage()).get("handoff.error", "store", store.name())));
            }
            LOG.warning(() -> "Message " + message.id() + " of conversation " + conversationId
                    + " failed three turns; handed to a person");
        });
    }

    /** The conversation's state, locked until this transaction ends; made at its first message. */
    private DialogueState lockedState(ConversationRef conversation, StoreRef store) {
        DialogueState state = em.find(DialogueState.class, conversation.id(), LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new DialogueState(conversation.id(), store.id(), store.defaultLanguage(), Instant.now());
            em.persist(state);
            em.flush(); // a second server making it at the same moment collides here and retries the turn
        }
        return state;
    }

    private long customerOf(ConversationRef conversation) {
        if (conversation.customerId() != null) {
            return conversation.customerId();
        }
        long customer = customers.create(conversation.storeId(), conversation.customerName());
        conversations.linkCustomer(conversation.id(), customer);
        return customer;
    }

    private Shop shop() {
        return new Shop(intents, catalog, carts, orders, customers, identityLinks, paymentLinks, deliveries, aftercare,
                discountCodes, publicUrl, reservationMinutes);
    }
}
