package com.parla.intent.control;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentCorpusTest {

    /** The Bitext labels are a contract: stores, integrations and reports use them as they are. */
    private static final Set<String> BITEXT_LABELS = Set.of("cancel_order", "change_order",
            "change_shipping_address", "check_cancellation_fee", "check_invoice", "check_payment_methods",
            "check_refund_policy", "complaint", "contact_customer_service", "contact_human_agent", "create_account",
            "delete_account", "delivery_options", "delivery_period", "edit_account", "get_invoice", "get_refund",
            "newsletter_subscription", "payment_issue", "place_order", "recover_password", "registration_problems",
            "review", "set_up_shipping_address", "switch_account", "track_order", "track_refund");

    @Test
    void bitextIsShippedWholeWithItsLabels() {
        List<LabelledUtterance> bitext = IntentCorpus.bundled("en", IntentCorpus.BITEXT);
        assertEquals(8175, bitext.size());
        assertEquals(BITEXT_LABELS, bitext.stream().map(LabelledUtterance::intent).collect(Collectors.toSet()));
    }

    @Test
    void parlasOwnUtterancesAddCommerceIntentsAndKeepBitextLabels() {
        Set<String> commerce = IntentCorpus.bundled("en", IntentCorpus.COMMERCE).stream()
                .map(LabelledUtterance::intent).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(commerce.containsAll(Set.of("greeting", "product_search", "buy", "reschedule_delivery",
                "share_location", "opt_out")), commerce.toString());
        assertTrue(commerce.stream().noneMatch(BITEXT_LABELS::contains), "commerce intents are new ones");
        Set<String> chat = IntentCorpus.bundled("en", IntentCorpus.CHAT).stream()
                .map(LabelledUtterance::intent).collect(Collectors.toSet());
        assertTrue(BITEXT_LABELS.containsAll(chat), "chat phrasings are of Bitext intents: " + chat);
    }

    @Test
    void noWordingCarriesTwoLabels() {
        Map<String, String> labelOf = new HashMap<>();
        for (LabelledUtterance u : IntentCorpus.base("en")) {
            String wording = u.text().strip().toLowerCase(Locale.ROOT);
            String before = labelOf.putIfAbsent(wording, u.intent());
            assertTrue(before == null || before.equals(u.intent()),
                    "'" + u.text() + "' is both " + before + " and " + u.intent());
        }
    }

    @Test
    void readsQuotedCsvAndRefusesBadLabels() throws Exception {
        List<LabelledUtterance> read = IntentCorpus.read(new StringReader(
                "utterance,intent\n\"hi, \"\"you\"\"\",greeting\n"));
        assertEquals(List.of(new LabelledUtterance("hi, \"you\"", "greeting")), read);
        assertThrows(IllegalArgumentException.class,
                () -> IntentCorpus.read(new StringReader("utterance,intent\nhello,Not A Label\n")));
        assertThrows(IllegalArgumentException.class,
                () -> IntentCorpus.read(new StringReader("text,label\nhello,greeting\n")));
    }

    @Test
    void aLanguageWithoutCorpusHasNoBase() {
        assertTrue(IntentCorpus.hasBase("en"));
        assertTrue(IntentCorpus.hasBase("it"));
        assertTrue(!IntentCorpus.hasBase("de"));
        assertTrue(IntentCorpus.base("de").isEmpty());
    }
}
