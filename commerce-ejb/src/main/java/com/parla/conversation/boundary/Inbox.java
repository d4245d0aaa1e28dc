package com.parla.conversation.boundary;

import com.parla.connector.api.Channel;
import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.control.InboxActivity;
import com.parla.conversation.control.OutboundCodec;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.ConversationNote;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.conversation.entity.ReceivedMessage;
import com.parla.intent.boundary.IntentTeaching;
import com.parla.store.boundary.StoreDirectory;
import com.parla.platform.boundary.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conversations as the people of a store see and work them in the console: the list with its filters, one
 * conversation's thread (what the customer wrote, what was sent and how it fared, the staff's notes), and what a
 * person does there (write, note, take or give a conversation). Every call is kept to the stores the caller works
 * for. The list reads the conversation tables with the dialogue's handoff and the staff's names beside them: a read
 * model, written only through each component's boundary.
 */
@Stateless
public class Inbox {

    /** The most thread items shown at once: the latest. */
    static final int THREAD_ITEMS = 200;
    static final int MAX_TEXT = 4096;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    InboxActivity activity;

    @EJB
    IntentTeaching teaching;

    @EJB
    StoreDirectory stores;

    /**
     * Which conversations to list.
     *
     * @param storeIds   the stores the caller works for (never empty)
     * @param storeId    one of them, or null for all
     * @param channel    a channel's wire name, or null
     * @param assignedTo only those of this person, or null
     * @param unassigned only those nobody has
     * @param handedOff  only those the assistant handed to a person
     * @param waitingFirst the longest waiting first (else the latest first)
     * @param search     part of the customer's name or channel id (a phone number), or null
     */
    public record Filter(Set<Long> storeIds, Long storeId, String channel, Long assignedTo, boolean unassigned,
                         boolean handedOff, boolean waitingFirst, String search) {

        /** Without a search. */
        public Filter(Set<Long> storeIds, Long storeId, String channel, Long assignedTo, boolean unassigned,
                      boolean handedOff, boolean waitingFirst) {
            this(storeIds, storeId, channel, assignedTo, unassigned, handedOff, waitingFirst, null);
        }

        /** The search as the query takes it: trimmed, at most 64 characters; null when blank. */
        String words() {
            String s = search == null ? "" : search.strip();
            return s.isEmpty() ? null : s.length() > 64 ? s.substring(0, 64) : s;
        }
    }

    /** A conversation in the list. {@code waiting}: handed to a person, and the customer's last word unanswered. */
    public record Row(long id, long storeId, String storeName, String channel, String customer,
                      Instant lastInboundAt, boolean handedOff, String handoffReason, Long assignedStaffId,
                      String assignedStaff, Instant windowClosesAt, boolean windowOpen, String preview,
                      boolean waiting, String language) {
    }

    /** One conversation, its header and its latest messages and notes, oldest first. */
    public record Thread(Row conversation, List<Item> items) {
    }

    /**
     * A line of the thread.
     *
     * @param from     "customer", "assistant", "staff" or "note"
     * @param author   the person who wrote it (a staff reply or note), else null
     * @param choices  the titles of the choices a sent message offered
     * @param status    a sent message's status (PENDING, SENT, DELIVERED, READ, FAILED), else null
     * @param errorCode the channel's code for a message failed or being retried (131047), else null
     * @param errorText the channel's words for it ("Re-engagement message"), else null
     * @param messageId a customer message's id, else null
     * @param intent    what the assistant read in a customer message, or null
     * @param confidence how sure it was (0..1), or null
     * @param corrected the intent a person said it really was, or null
     */
    public record Item(String from, String author, String text, List<String> choices, Instant at, String status,
                       String errorCode, String errorText, Long messageId, String intent, Double confidence,
                       String corrected) {
    }

    /** Moves whenever something the inbox shows changed on this server (cheap: no database). */
    public long changes() {
        return activity.version();
    }

    public long count(Filter filter) {
        Query query = em.createNativeQuery("select count(*) " + from(filter));
        bind(query, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * A page of the list. The page's conversations are chosen first, from the conversation table alone where the
     * filter allows (the latest first walks the index on last_inbound_at and stops at the page's end, instead of
     * sorting every conversation); then their names, handoffs and people are read for those few.
     */
    public List<Row> page(Filter filter, int first, int size) {
        int from = Math.max(0, first);
        int max = Math.max(1, Math.min(size, 200));
        List<Long> ids;
        if (!filter.waitingFirst()) {
            ids = ids(filter, null, " order by c.last_inbound_at desc, c.id desc", from, max);
        } else {
            // handed to a person first, then the rest; each the longest waiting first
            long handedOff = filter.handedOff() ? Long.MAX_VALUE : count(handedOffOnly(filter));
            ids = new ArrayList<>();
            if (from < handedOff) {
                ids.addAll(ids(handedOffOnly(filter), null, " order by c.last_inbound_at, c.id", from, max));
            }
            if (!filter.handedOff() && ids.size() < max) {
                ids.addAll(ids(filter, " and s.handed_off_at is null", " order by c.last_inbound_at, c.id",
                        (int) Math.max(0, from - handedOff), max - ids.size()));
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ROW + JOINS + " where c.id in (:ids)").setParameter("ids", ids)
                .getResultList();
        Map<Long, Row> byId = rows(rows).stream().collect(Collectors.toMap(Row::id, r -> r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static Filter handedOffOnly(Filter f) {
        return new Filter(f.storeIds(), f.storeId(), f.channel(), f.assignedTo(), f.unassigned(), true, false,
                f.search());
    }

    private List<Long> ids(Filter filter, String more, String order, int first, int max) {
        Query query = em.createNativeQuery("select c.id " + from(filter) + (more == null ? "" : more) + order);
        bind(query, filter);
        @SuppressWarnings("unchecked")
        List<Object> ids = query.setFirstResult(first).setMaxResults(max).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** The conversation, if it is of one of the caller's stores. */
    public Optional<Thread> thread(Set<Long> storeIds, long conversationId) {
        Optional<Row> row = row(storeIds, conversationId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> received = em.createNativeQuery("select body, received_at, id, intent, intent_confidence,"
                + " intent_corrected from received_message where conversation_id = ?1 order by id desc")
                .setParameter(1, conversationId).setMaxResults(THREAD_ITEMS).getResultList();
        received.forEach(r -> items.add(new Item("customer", null, (String) r[0], List.of(), instant(r[1]), null,
                null, null, ((Number) r[2]).longValue(), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).doubleValue(), (String) r[5])));
        @SuppressWarnings("unchecked")
        List<Object[]> sent = em.createNativeQuery("select o.content, o.created_at, o.status, o.error_code, o.error,"
                + " a.display_name, o.sent_by_staff_id from outbox_message o left join staff_member a on"
                + " a.id = o.sent_by_staff_id where o.conversation_id = ?1 order by o.id desc")
                .setParameter(1, conversationId).setMaxResults(THREAD_ITEMS).getResultList();
        sent.forEach(o -> {
            OutboundMessage message = OutboundCodec.fromJson((String) o[0]);
            items.add(new Item(o[6] == null ? "assistant" : "staff", (String) o[5], message.text(),
                    message.choices().stream().map(OutboundMessage.Choice::title).toList(), instant(o[1]),
                    (String) o[2], (String) o[3], (String) o[4], null, null, null, null));
        });
        @SuppressWarnings("unchecked")
        List<Object[]> notes = em.createNativeQuery("select n.body, n.created_at, a.display_name from"
                + " conversation_note n join staff_member a on a.id = n.staff_id where n.conversation_id = ?1"
                + " order by n.id desc").setParameter(1, conversationId).setMaxResults(THREAD_ITEMS).getResultList();
        notes.forEach(n -> items.add(new Item("note", (String) n[2], (String) n[0], List.of(), instant(n[1]), null,
                null, null, null, null, null, null)));
        items.sort(Comparator.comparing(Item::at));
        return Optional.of(new Thread(row.get(), items.size() > THREAD_ITEMS
                ? List.copyOf(items.subList(items.size() - THREAD_ITEMS, items.size())) : List.copyOf(items)));
    }

    /**
     * Gives the conversation to a person who works for its store (null: to nobody); false if it is not the caller's
     * or that person does not work there.
     */
    public boolean assign(Set<Long> storeIds, long conversationId, Long staffId) {
        Optional<Row> row = row(storeIds, conversationId);
        if (row.isEmpty() || staffId != null && !stores.worksFor(staffId, row.get().storeId())) {
            return false;
        }
        em.createNamedQuery(Conversation.ASSIGN).setParameter("staff", staffId)
                .setParameter("at", staffId == null ? null : Instant.now()).setParameter("id", conversationId)
                .executeUpdate();
        activity.changed();
        return true;
    }

    /** Gives the conversation to this person if nobody has it; false if it was someone's or is not the caller's. */
    public boolean takeIfFree(Set<Long> storeIds, long conversationId, long staffId) {
        boolean taken = row(storeIds, conversationId).isPresent() && em.createNamedQuery(Conversation.ASSIGN_IF_FREE)
                .setParameter("staff", staffId).setParameter("at", Instant.now()).setParameter("id", conversationId)
                .executeUpdate() == 1;
        if (taken) {
            activity.changed();
        }
        return taken;
    }

    /** Tells the open inboxes to look again once the caller's transaction commits (a handoff, say). */
    public void changedOnCommit() {
        activity.changed();
    }

    /**
     * A person says what a customer's message really asked for: the message keeps the correction, and its words
     * become an example of that intent for the store, in the conversation's language (the next retrain learns it).
     *
     * @return false if the message is not of a conversation of the caller's stores
     * @throws com.parla.intent.boundary.IntentTeachingException for a label that is no intent, or words already
     *                                                            an example
     */
    public boolean correctIntent(Set<Long> storeIds, long conversationId, long messageId, String intent,
                                 String staffEmail) {
        Optional<Row> row = row(storeIds, conversationId);
        ReceivedMessage message = em.find(ReceivedMessage.class, messageId);
        if (row.isEmpty() || message == null || !Long.valueOf(conversationId).equals(message.getConversationId())) {
            return false;
        }
        String language = row.get().language() != null ? row.get().language()
                : stores.storeRef(row.get().storeId()).orElseThrow().defaultLanguage();
        String label = intent == null ? "" : intent.strip();
        teaching.addExample(row.get().storeId(), language, message.getBody(), label, staffEmail);
        message.correct(label);
        activity.changed();
        return true;
    }

    /** A note for the other people of the store; false if the conversation is not the caller's. */
    public boolean note(Set<Long> storeIds, long conversationId, long staffId, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > ConversationNote.MAX_BODY) {
            throw new Refusal("a note is 1 to " + ConversationNote.MAX_BODY + " characters");
        }
        if (row(storeIds, conversationId).isEmpty()) {
            return false;
        }
        em.persist(new ConversationNote(conversationId, staffId, body, Instant.now()));
        activity.changed();
        return true;
    }

    /**
     * A person's reply, sent as any reply is (after the commit, in order). Refused outside the channel's service
     * window: only an approved template may go then.
     *
     * @return false if the conversation is not the caller's
     */
    public boolean reply(Set<Long> storeIds, long conversationId, long staffId, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_TEXT) {
            throw new Refusal("a message is 1 to " + MAX_TEXT + " characters");
        }
        Optional<Row> row = row(storeIds, conversationId);
        if (row.isEmpty()) {
            return false;
        }
        if (!row.get().windowOpen()) {
            throw new Refusal("The customer's " + row.get().channel() + " service window closed at "
                    + row.get().windowClosesAt() + ": only an approved template can be sent now");
        }
        ConversationRef conversation = conversations.conversation(conversationId).orElseThrow();
        OutboxMessage queued = conversations.reply(conversationId, OutboundMessage.text(conversation.accountKey(),
                conversation.recipient(), body));
        queued.writtenBy(staffId);
        return true;
    }

    private Optional<Row> row(Set<Long> storeIds, long conversationId) {
        if (storeIds.isEmpty()) {
            return Optional.empty();
        }
        Query query = em.createNativeQuery(ROW + JOINS + " where c.id = :id and c.store_id in (:stores)")
                .setParameter("id", conversationId).setParameter("stores", storeIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows(rows).stream().findFirst();
    }

    private static final String ROW = "select c.id, c.store_id, st.name, c.channel, coalesce(i.display_name,"
            + " i.channel_user_id), c.last_inbound_at, s.handed_off_at, s.handoff_reason, c.assigned_staff_id,"
            + " a.display_name, s.language ";

    private static final String JOINS = "from conversation c join customer_identity i on i.id = c.identity_id"
            + " join store st on st.id = c.store_id left join dialogue_state s on s.conversation_id = c.id"
            + " left join staff_member a on a.id = c.assigned_staff_id";

    /** The conversations the filter keeps, joined only to what it looks at. */
    private static String from(Filter f) {
        StringBuilder where = new StringBuilder("from conversation c");
        if (f.words() != null) {
            where.append(" join customer_identity i on i.id = c.identity_id");
        }
        if (f.handedOff() || f.waitingFirst()) {
            where.append(" left join dialogue_state s on s.conversation_id = c.id");
        }
        where.append(" where c.store_id in (:stores)");
        if (f.storeId() != null) {
            where.append(" and c.store_id = :store");
        }
        if (f.channel() != null) {
            where.append(" and c.channel = :channel");
        }
        if (f.assignedTo() != null) {
            where.append(" and c.assigned_staff_id = :staff");
        }
        if (f.unassigned()) {
            where.append(" and c.assigned_staff_id is null");
        }
        if (f.handedOff()) {
            where.append(" and s.handed_off_at is not null");
        }
        if (f.words() != null) {
            where.append(" and (lower(i.display_name) like :words escape '!' or i.channel_user_id like :words"
                    + " escape '!')");
        }
        return where.toString();
    }

    private static void bind(Query query, Filter f) {
        query.setParameter("stores", f.storeIds().isEmpty() ? Set.of(-1L) : f.storeIds());
        if (f.storeId() != null) {
            query.setParameter("store", f.storeId());
        }
        if (f.channel() != null) {
            query.setParameter("channel", f.channel());
        }
        if (f.assignedTo() != null) {
            query.setParameter("staff", f.assignedTo());
        }
        if (f.words() != null) {
            String literal = f.words().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_");
            query.setParameter("words", "%" + literal + "%");
        }
    }

    /** The rows, with each one's latest customer message and whether a person still owes an answer to it. */
    private List<Row> rows(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, String> previews = latest(ids, "select r.conversation_id, r.body from received_message r where r.id"
                + " in (select max(id) from received_message where conversation_id in (:ids) group by"
                + " conversation_id)");
        Map<Long, Instant> staffAnswered = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> answered = em.createNativeQuery("select conversation_id, max(created_at) from outbox_message"
                + " where conversation_id in (:ids) and sent_by_staff_id is not null group by conversation_id")
                .setParameter("ids", ids).getResultList();
        answered.forEach(a -> staffAnswered.put(((Number) a[0]).longValue(), instant(a[1])));
        Instant now = Instant.now();
        List<Row> result = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Channel channel = Channel.ofWireName((String) r[3]).orElse(Channel.WEBCHAT);
            Instant lastInbound = instant(r[5]);
            Instant handedOffAt = instant(r[6]);
            Instant answeredAt = staffAnswered.get(id);
            boolean waiting = handedOffAt != null && lastInbound != null
                    && (answeredAt == null || answeredAt.isBefore(lastInbound));
            result.add(new Row(id, ((Number) r[1]).longValue(), (String) r[2], channel.wireName(), (String) r[4],
                    lastInbound, handedOffAt != null, (String) r[7], r[8] == null ? null : ((Number) r[8]).longValue(),
                    (String) r[9], channel.windowClosesAt(lastInbound), channel.windowOpen(lastInbound, now),
                    previews.get(id), waiting, (String) r[10]));
        }
        return result;
    }

    private Map<Long, String> latest(Collection<Long> ids, String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("ids", ids).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1],
                (a, b) -> a));
    }

    /** A timestamp column as the drivers give it (H2: OffsetDateTime, PostgreSQL: Timestamp or Instant). */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
