package com.parla.console;

import com.parla.conversation.boundary.Inbox;
import com.parla.dialogue.boundary.Handoffs;
import com.parla.intent.boundary.IntentRecognition;
import com.parla.intent.boundary.IntentTeachingException;
import com.parla.platform.boundary.Refusal;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.entity.StaffMember;
import com.parla.store.entity.Store;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The live inbox: the conversations of the stores the person works for (filtered: theirs, nobody's, handed to a
 * person; one store, one channel; the longest waiting first), one conversation's thread, and what they do there:
 * write (inside the service window only), note, take, give, hand to the assistant or take from it. The page is told
 * to look again when something changed (f:websocket, {@link InboxSignals}).
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Inbox inbox;

    @EJB
    Handoffs handoffs;

    @EJB
    StoreDirectory directory;

    @EJB
    IntentRecognition recognition;

    @Inject
    SignedIn signedIn;

    @Inject
    InboxSignals signals;

    private String show = "all";
    private Long storeId;
    private String channel;
    private boolean waitingFirst;
    private String search;
    private Long selectedId;
    private Inbox.Thread thread;
    private String reply;
    private String note;
    private Long assignTo;
    private Long asked;
    private Inbox.Item correcting;
    private String correctIntent;
    private final LazyDataModel<Inbox.Row> conversations = new Conversations();

    @PostConstruct
    void init() {
        signals.watch();
    }

    /** The list as the filters say, a page at a time from the database. */
    private final class Conversations extends LazyDataModel<Inbox.Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, inbox.count(filter()));
        }

        @Override
        public List<Inbox.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            return inbox.page(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(Inbox.Row row) {
            return String.valueOf(row.id());
        }

        @Override
        public Inbox.Row getRowData(String rowKey) {
            return null;
        }
    }

    private Inbox.Filter filter() {
        long me = signedIn.getStaff().getId();
        return new Inbox.Filter(signedIn.storeIds(), storeId, channel, "mine".equals(show) ? me : null,
                "unassigned".equals(show), "handedOff".equals(show), waitingFirst, search);
    }

    /** Opens the conversation a link asked for (?conversation=42), if it is one of the person's stores. */
    public void openAsked() {
        if (asked != null && !FacesContext.getCurrentInstance().isPostback()) {
            open(asked);
        }
    }

    public void open(long conversationId) {
        selectedId = conversationId;
        reply = null;
        note = null;
        refresh();
    }

    /**
     * Reads the open conversation again (something changed). The composer is drawn again only when the service
     * window opened or closed, so that a reply being typed is not wiped by what others do.
     */
    public void refresh() {
        boolean couldWrite = isWritable();
        thread = selectedId == null ? null : inbox.thread(signedIn.storeIds(), selectedId).orElse(null);
        if (thread == null) {
            selectedId = null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (couldWrite != isWritable() && faces.getPartialViewContext().isAjaxRequest()) {
            faces.getPartialViewContext().getRenderIds().add("composer");
        }
    }

    /** Whether a person may write free text now: a conversation is open and its service window too. */
    public boolean isWritable() {
        return thread != null && thread.conversation().windowOpen();
    }

    public void send() {
        act(() -> handoffs.staffReply(signedIn.storeIds(), selectedId, me(), reply), "inbox.sent");
        reply = null;
    }

    public void addNote() {
        act(() -> inbox.note(signedIn.storeIds(), selectedId, me(), note), "inbox.noted");
        note = null;
    }

    public void take() {
        act(() -> inbox.assign(signedIn.storeIds(), selectedId, me()), "inbox.taken");
    }

    public void assign() {
        act(() -> assignTo != null && inbox.assign(signedIn.storeIds(), selectedId, assignTo), "inbox.assigned");
    }

    public void release() {
        act(() -> inbox.assign(signedIn.storeIds(), selectedId, null), "inbox.released");
    }

    public void handOff() {
        act(() -> handoffs.handOff(storeOfSelected(), selectedId, "staff").isPresent(), "inbox.handedOff");
    }

    public void handBack() {
        act(() -> handoffs.handBack(storeOfSelected(), selectedId).isPresent(), "inbox.handedBack");
    }

    /** Opens the correction of what the assistant read in a customer's message. */
    public void startCorrecting(Inbox.Item item) {
        correcting = item;
        correctIntent = item.corrected() != null ? item.corrected() : item.intent();
    }

    /** The person's correction: kept on the message, and an example of the store's intents for the next retrain. */
    public void correct() {
        if (correcting == null) {
            return;
        }
        if (act(() -> inbox.correctIntent(signedIn.storeIds(), selectedId, correcting.messageId(), correctIntent,
                signedIn.getStaff().getEmail()), "inbox.corrected")) {
            correcting = null;
            PrimeFaces.current().executeScript("PF('correction').hide()");
        }
    }

    /** The intents the store's model knows in the conversation's language, for the correction. */
    public List<String> completeIntent(String prefix) {
        if (thread == null) {
            return List.of();
        }
        Inbox.Row head = thread.conversation();
        String language = head.language() != null ? head.language() : "en";
        String wanted = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        return recognition.knownIntents(head.storeId(), language).stream().filter(i -> i.contains(wanted))
                .limit(30).toList();
    }

    /** "track_order · 87%", or the correction a person made ("corrected to: return_item"). */
    public String reading(Inbox.Item item) {
        if (item.corrected() != null) {
            return words("inbox.correctedTo").replace("{0}", item.corrected());
        }
        if (item.intent() == null) {
            return "";
        }
        return item.intent() + " · " + Math.round(item.confidence() * 100) + "%";
    }

    private interface Action {
        boolean run();
    }

    /**
     * Runs a change of the open conversation and says how it went; a refusal is said with its reason.
     *
     * @return whether it was done
     */
    private boolean act(Action action, String doneKey) {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean done = false;
        try {
            done = selectedId != null && action.run();
            faces.addMessage(null, done ? new FacesMessage(FacesMessage.SEVERITY_INFO, words(doneKey), null)
                    : new FacesMessage(FacesMessage.SEVERITY_WARN, words("inbox.notFound"), null));
        } catch (Refusal | IntentTeachingException refused) { // application exceptions: they come as thrown
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        }
        refresh();
        return done;
    }

    private long me() {
        return signedIn.getStaff().getId();
    }

    private long storeOfSelected() {
        return thread == null ? -1 : thread.conversation().storeId();
    }

    private static String words(String key) {
        String found = wordsOrNull(key);
        return found == null ? key : found;
    }

    private static String wordsOrNull(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "i18n");
        return bundle.containsKey(key) ? bundle.getString(key) : null;
    }

    // --- what the page shows

    /** The people who may take the open conversation. */
    public List<StaffMember> staff() {
        return thread == null ? List.of() : directory.staffOf(thread.conversation().storeId());
    }

    public List<Store> getStores() {
        return signedIn.getStores();
    }

    /** "14:32" today, "3 Dec 14:32" before, in the store's time zone. */
    public String when(Instant at, long store) {
        if (at == null) {
            return "";
        }
        ZoneId zone = zoneOf(store);
        ZonedDateTime time = at.atZone(zone);
        boolean today = time.toLocalDate().equals(ZonedDateTime.now(zone).toLocalDate());
        return DateTimeFormatter.ofPattern(today ? "H:mm" : "d MMM H:mm", locale()).format(time);
    }

    /** How long the service window stays open, in words; or that it is closed (templates only). */
    public String window(Inbox.Row row) {
        if (row.windowClosesAt() == null) {
            return row.windowOpen() ? words("inbox.window.none") : words("inbox.window.never");
        }
        if (!row.windowOpen()) {
            return words("inbox.window.closed");
        }
        Duration left = Duration.between(Instant.now(), row.windowClosesAt());
        return words("inbox.window.open").replace("{hours}", String.valueOf(left.toHours()))
                .replace("{minutes}", String.valueOf(left.toMinutesPart()));
    }

    /**
     * How a sent message fared, in words: "delivered"; "not delivered: outside the 24-hour window (131047)" with the
     * console's words for the channel's codes it knows, else the channel's own.
     */
    public String delivery(Inbox.Item item, String channel) {
        if (item.status() == null) {
            return "";
        }
        String state = words("status." + item.status());
        if (item.errorCode() == null && item.errorText() == null) {
            return state;
        }
        String known = item.errorCode() == null ? null : wordsOrNull("error." + channel + "." + item.errorCode());
        String reason = known != null ? known : item.errorText() != null ? item.errorText() : words("error.unknown");
        return state + ": " + reason + (item.errorCode() == null ? "" : " (" + item.errorCode() + ")");
    }

    private ZoneId zoneOf(long store) {
        return signedIn.getStores().stream().filter(s -> s.getId() == store).findFirst()
                .map(s -> ZoneId.of(s.getTimeZone())).orElse(ZoneId.of("UTC"));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    // --- properties

    public LazyDataModel<Inbox.Row> getConversations() {
        return conversations;
    }

    public Inbox.Thread getThread() {
        return thread;
    }

    public Long getSelectedId() {
        return selectedId;
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show != null && List.of("mine", "unassigned", "handedOff").contains(show) ? show : "all";
    }

    public Long getStoreId() {
        return storeId;
    }

    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel == null || channel.isBlank() ? null : channel.strip().toLowerCase(Locale.ROOT);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public boolean isWaitingFirst() {
        return waitingFirst;
    }

    public void setWaitingFirst(boolean waitingFirst) {
        this.waitingFirst = waitingFirst;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getAsked() {
        return asked;
    }

    public void setAsked(Long asked) {
        this.asked = asked;
    }

    public Inbox.Item getCorrecting() {
        return correcting;
    }

    public String getCorrectIntent() {
        return correctIntent;
    }

    public void setCorrectIntent(String correctIntent) {
        this.correctIntent = correctIntent;
    }

    public Long getAssignTo() {
        return assignTo;
    }

    public void setAssignTo(Long assignTo) {
        this.assignTo = assignTo;
    }
}
