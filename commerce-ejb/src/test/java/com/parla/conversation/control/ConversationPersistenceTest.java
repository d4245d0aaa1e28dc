package com.parla.conversation.control;

import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessage.DeliveryStatus;
import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.CustomerIdentity;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.conversation.entity.ReceivedMessage;
import com.parla.platform.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations, dedup and the outbox on the migrated schema (H2, and PostgreSQL in CI). */
class ConversationPersistenceTest {

    private static SessionFactory db;
    private static long storeId;
    /** What the container's REQUIRES_NEW bean does, on the test's session factory. */
    private static final SeparateTransaction SEPARATE = work -> {
        try {
            db.inTransaction(s -> {
                work.accept(s);
                s.flush();
            });
            return true;
        } catch (PersistenceException refused) {
            return false;
        }
    };

    @BeforeAll
    static void migrate() {
        db = MigratedDatabase.fresh();
        storeId = MigratedDatabase.newStore(db, "conversation-store");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void firstMessageOpensAConversationAndTheNextJoinsIt() {
        Optional<ConversationRecorder.Received> first = receive(text("wa-a", "wamid.A1", "39333000001", "hello"));
        assertTrue(first.orElseThrow().awaitsReply());
        Optional<ConversationRecorder.Received> second = receive(text("wa-a", "wamid.A2", "39333000001", "shoes?"));
        assertTrue(second.orElseThrow().awaitsReply(), "every text awaits the dialogue engine's answer");
        assertEquals(first.get().conversation().getId(), second.get().conversation().getId());
        CustomerIdentity identity = db.fromTransaction(s -> s.find(CustomerIdentity.class,
                first.get().conversation().getIdentity().getId()));
        assertEquals("Ana", identity.getDisplayName());
        assertEquals(storeId, identity.getStoreId());
    }

    @Test
    void firstMessagesArrivingTogetherMakeOneConversationAndOneGreeting() throws Exception {
        // each message is queued for the dialogue engine; the engine's first turn greets, once (ConversationUpdates.greet)
        int together = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(together);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ConversationRecorder.Received>> results = new java.util.ArrayList<>();
        for (int i = 0; i < together; i++) {
            InboundMessage message = text("wa-l", "wamid.L" + i, "39333000012", "hello " + i);
            results.add(pool.submit(() -> {
                start.await();
                // the production path: the recorder opens the new customer's rows in a transaction of its own
                return receive(message).orElseThrow();
            }));
        }
        start.countDown();
        int pending = 0;
        java.util.Set<Long> conversations = new java.util.HashSet<>();
        for (var result : results) {
            ConversationRecorder.Received received = result.get();
            conversations.add(received.conversation().getId());
            pending += received.awaitsReply() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, conversations.size());
        assertEquals(together, pending, "every message awaits an answer");
        long queued = db.fromTransaction(s -> s.createQuery("select count(p) from PendingMessage p where"
                + " p.conversationId = :c", Long.class).setParameter("c", conversations.iterator().next())
                .getSingleResult());
        assertEquals(together, queued, "each stored once in the engine's queue");
        Conversation conversation = db.fromTransaction(s -> s.find(Conversation.class, conversations.iterator().next()));
        int greetings = 0;
        java.util.List<java.util.concurrent.Future<Boolean>> greeted = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService greeters = java.util.concurrent.Executors.newFixedThreadPool(together);
        for (int i = 0; i < together; i++) {
            greeted.add(greeters.submit(() -> db.fromTransaction(s -> new ConversationUpdates(s)
                    .greet(s.find(Conversation.class, conversation.getId()), java.time.Instant.now()))));
        }
        for (var g : greeted) {
            greetings += g.get() ? 1 : 0;
        }
        greeters.shutdown();
        assertEquals(1, greetings, "exactly one turn greets");
        long identities = db.fromTransaction(s -> s.createQuery("select count(i) from CustomerIdentity i"
                + " where i.accountKey = 'wa-l'", Long.class).getSingleResult());
        assertEquals(1, identities, "one identity");
    }

    @Test
    void aKnownCustomersTextTakesSixStatements() {
        receive(text("wa-n", "wamid.N1", "39333000013", "hi"));
        org.hibernate.stat.Statistics statistics = db.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        receive(text("wa-n", "wamid.N2", "39333000013", "the sneakers in 38?"));
        long statements = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        // the duplicate check, the conversation with its identity, the window, the message, its place in the
        // engine's queue, the last-seen time
        assertEquals(6, statements, "SQL statements for a known customer's text");
    }

    @Test
    void aRedeliveredMessageHasNoSecondEffect() {
        InboundMessage message = text("wa-b", "wamid.B1", "39333000002", "hi");
        assertTrue(receive(message).isPresent());
        assertTrue(receive(message).isEmpty(), "the channel's retry is recognized");
        long stored = db.fromTransaction(s -> s.createQuery("select count(m) from ReceivedMessage m"
                + " where m.accountKey = 'wa-b'", Long.class).getSingleResult());
        assertEquals(1, stored);
    }

    @Test
    void theSameUserIdOnAnotherAccountIsAnotherCustomer() {
        long a = receive(text("wa-c1", "wamid.C1", "39333000003", "hi")).orElseThrow().conversation().getId();
        long b = receive(text("wa-c2", "wamid.C1", "39333000003", "hi")).orElseThrow().conversation().getId();
        assertNotEquals(a, b);
    }

    @Test
    void hostileTextIsKeptVerbatim() {
        String hostile = "<script>alert(1)</script> '; drop table conversation; -- \u202e 你好 \uD83D\uDC5F";
        ReceivedMessage stored = receive(text("wa-d", "wamid.D1", "39333000004", hostile)).orElseThrow().message();
        assertEquals(hostile, db.fromTransaction(s -> s.find(ReceivedMessage.class, stored.getId())).getBody());
    }

    @Test
    void statusCallbacksMoveTheReplyForwardOnly() {
        Conversation conversation = receive(text("wa-e", "wamid.E1", "39333000005", "hi")).orElseThrow()
                .conversation();
        long outboxId = enqueue(conversation, OutboundMessage.text("wa-e", "39333000005", "Hello!"));
        db.inTransaction(s -> s.find(OutboxMessage.class, outboxId).accepted("wamid.OUT-E", Instant.now()));

        assertTrue(receive(status("wa-e", "wamid.OUT-E", DeliveryStatus.State.DELIVERED, null)).isPresent());
        assertEquals(OutboxMessage.Status.DELIVERED, outbox(outboxId).getStatus());
        receive(status("wa-e", "wamid.OUT-E", DeliveryStatus.State.READ, null));
        assertEquals(OutboxMessage.Status.READ, outbox(outboxId).getStatus());
        // a late or repeated "delivered" does not move it back
        assertTrue(receive(status("wa-e", "wamid.OUT-E", DeliveryStatus.State.DELIVERED, null)).isEmpty());
        assertEquals(OutboxMessage.Status.READ, outbox(outboxId).getStatus());
    }

    @Test
    void aFailedStatusKeepsTheChannelsErrorCode() {
        Conversation conversation = receive(text("wa-f", "wamid.F1", "39333000006", "hi")).orElseThrow()
                .conversation();
        long outboxId = enqueue(conversation, OutboundMessage.text("wa-f", "39333000006", "Hello!"));
        db.inTransaction(s -> s.find(OutboxMessage.class, outboxId).accepted("wamid.OUT-F", Instant.now()));
        receive(status("wa-f", "wamid.OUT-F", DeliveryStatus.State.FAILED, "131026"));
        OutboxMessage failed = outbox(outboxId);
        assertEquals(OutboxMessage.Status.FAILED, failed.getStatus());
        assertEquals("131026", failed.getErrorCode());
    }

    @Test
    void aStatusForSomeoneElsesMessageChangesNothing() {
        boolean applied = db.fromTransaction(s -> new Outbox(s).applyStatus("wa-g",
                new DeliveryStatus("wamid.NOT-OURS", DeliveryStatus.State.READ, null, null), Instant.now()));
        assertFalse(applied);
    }

    @Test
    void freeFormIntoAClosedWindowIsRefusedAndNothingIsWritten() {
        Instant yesterday = Instant.now().minus(Duration.ofHours(25));
        InboundMessage old = InboundMessage.builder(Channel.WHATSAPP, "wa-h", "wamid.H1", InboundMessage.Kind.TEXT)
                .sender("39333000008").text("hi").receivedAt(yesterday).build();
        Conversation conversation = receive(old).orElseThrow().conversation();
        assertThrows(WindowClosedException.class,
                () -> enqueue(conversation, OutboundMessage.text("wa-h", "39333000008", "Still there?")));
        assertEquals(List.of(), db.fromTransaction(s -> s.createNamedQuery(OutboxMessage.OF_CONVERSATION,
                OutboxMessage.class).setParameter("conversation", conversation.getId()).getResultList()));
        // an approved template may still go
        OutboundMessage template = OutboundMessage.builder("wa-h", "39333000008", OutboundMessage.Kind.TEMPLATE)
                .template(new OutboundMessage.Template("order_update", "en", List.of("A12"))).build();
        enqueue(conversation, template);
        // and once the customer writes again, free text is allowed
        receive(text("wa-h", "wamid.H2", "39333000008", "yes"));
        Conversation reopened = db.fromTransaction(s -> s.find(Conversation.class, conversation.getId()));
        enqueue(reopened, OutboundMessage.text("wa-h", "39333000008", "Great"));
    }

    @Test
    void telegramHasNoWindow() {
        InboundMessage old = InboundMessage.builder(Channel.TELEGRAM, "tg-i", "7001", InboundMessage.Kind.TEXT)
                .sender("42").text("hi").receivedAt(Instant.now().minus(Duration.ofDays(30))).build();
        Conversation conversation = receive(old).orElseThrow().conversation();
        assertTrue(conversation.freeFormAllowed(Instant.now()), "a month later");
        long queued = enqueue(conversation, OutboundMessage.text("tg-i", "42", "Your parcel left the warehouse"));
        assertEquals(OutboxMessage.Status.PENDING, outbox(queued).getStatus(), "written, to be sent");
        assertEquals(null, conversation.windowClosesAt());
    }

    @Test
    void unsubscribingMarksTheCustomerOptedOut() {
        Conversation conversation = receive(text("wc-j", "m1", "oOPENID", "hi")).orElseThrow().conversation();
        receive(InboundMessage.builder(Channel.WHATSAPP, "wc-j", "oOPENID:1:unsubscribe", InboundMessage.Kind.UNSUBSCRIBE)
                .sender("oOPENID").build());
        assertTrue(db.fromTransaction(s -> s.find(CustomerIdentity.class, conversation.getIdentity().getId()))
                .isOptedOut());
    }

    @Test
    void theOutboxKeepsTheWholeMessage() {
        OutboundMessage rich = OutboundMessage.builder("wa-k", "39333000011", OutboundMessage.Kind.BUTTONS)
                .text("Pick one \u00e8 \uD83D\uDC5F").header("Shoes").choices(List.of(
                        new OutboundMessage.Choice("b1", "Sneaker", null),
                        new OutboundMessage.Choice("b2", "Boot", "suede"),
                        new OutboundMessage.Choice("b3", "Flat", "€89.00", "https://x.example/flat.png")))
                .replyTo("wamid.K1").build();
        assertEquals(rich, OutboundCodec.fromJson(OutboundCodec.toJson(rich)));
        // a message queued before choices had pictures reads back without one
        String older = OutboundCodec.toJson(rich).replace(",\"imageUrl\":\"https://x.example/flat.png\"", "");
        assertEquals(null, OutboundCodec.fromJson(older).choices().get(2).imageUrl(), older);
    }

    private Optional<ConversationRecorder.Received> receive(InboundMessage message) {
        return db.fromTransaction(s -> new ConversationRecorder(s, SEPARATE).receive(message, storeId, Instant.now()));
    }

    private long enqueue(Conversation conversation, OutboundMessage message) {
        return db.fromTransaction(s -> new Outbox(s).enqueue(s.find(Conversation.class, conversation.getId()),
                message, Instant.now()).getId());
    }

    private OutboxMessage outbox(long id) {
        return db.fromTransaction(s -> s.find(OutboxMessage.class, id));
    }

    private static InboundMessage text(String account, String id, String sender, String text) {
        return InboundMessage.builder(Channel.WHATSAPP, account, id, InboundMessage.Kind.TEXT).sender(sender)
                .senderName("Ana").text(text).build();
    }

    private static InboundMessage status(String account, String messageId, DeliveryStatus.State state, String code) {
        return InboundMessage.builder(Channel.WHATSAPP, account, messageId + ":" + state.name().toLowerCase(),
                InboundMessage.Kind.STATUS).sender("39333000005")
                .status(new DeliveryStatus(messageId, state, code, code == null ? null : "failed")).build();
    }
}
