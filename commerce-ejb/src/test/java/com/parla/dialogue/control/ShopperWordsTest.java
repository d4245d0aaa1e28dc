package com.parla.dialogue.control;

import com.parla.connector.api.OutboundMessage.Choice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine reads in a shopper's words besides their intent, and how a typed answer picks a choice. */
class ShopperWordsTest {

    @Test
    void theSizeAskedForIsFoundAndTakenOutOfTheSearch() {
        assertEquals(Optional.of("38"), ShopperWords.size("do you have the ballet flats in a 38?"));
        assertEquals("do you have the ballet flats?", ShopperWords.withoutSize("do you have the ballet flats in a 38?"));
        assertEquals(Optional.of("M"), ShopperWords.size("the wrap dress in size m please"));
        assertEquals(Optional.of("37"), ShopperWords.size("avete le décolleté taglia 37?"));
        assertEquals(Optional.of("39"), ShopperWords.size("39 please"));
        assertEquals(Optional.empty(), ShopperWords.size("a sneaker for running"));
        assertEquals(Optional.empty(), ShopperWords.size("order 12345"));
    }

    @Test
    void pointingBackYesNoAndTheChatsOwnWords() {
        assertTrue(ShopperWords.refersBack("do you have these in a 38?"));
        assertTrue(ShopperWords.refersBack("avete queste nel 37?"));
        assertFalse(ShopperWords.refersBack("do you have sneakers"));
        assertTrue(ShopperWords.yes("Yes please!") && ShopperWords.yes("sì") && ShopperWords.no("no thanks"));
        assertFalse(ShopperWords.yes("yes but in red"));
        assertTrue(ShopperWords.thanks("Thank you so much!") && ShopperWords.thanks("grazie mille"));
        assertTrue(ShopperWords.cart("show my cart") && ShopperWords.cart("carrello"));
        assertTrue(ShopperWords.checkout("checkout") && ShopperWords.checkout("vorrei pagare"));
        assertTrue(ShopperWords.optIn("START"));
    }

    @Test
    void aTypedNumberOrWordsPickAChoice() {
        List<Choice> days = List.of(new Choice("date:2026-12-04", "Fri 4 Dec", null),
                new Choice("date:2026-12-05", "Sat 5 Dec", null), new Choice("date:2026-12-07", "Mon 7 Dec", null));
        assertEquals("date:2026-12-05", OfferedChoices.picked("2", days).orElseThrow().id());
        assertEquals("date:2026-12-04", OfferedChoices.picked("friday", days).orElseThrow().id());
        assertEquals("date:2026-12-07", OfferedChoices.picked("Mon 7 Dec", days).orElseThrow().id());
        assertEquals(Optional.empty(), OfferedChoices.picked("4", days), "no fourth choice");
        assertEquals(Optional.empty(), OfferedChoices.picked("can it come some other week instead of these days",
                days), "a long message is a new request");

        List<Choice> sizes = List.of(new Choice("v:1", "36", null), new Choice("v:2", "38", null));
        assertEquals("v:2", OfferedChoices.picked("38", sizes).orElseThrow().id(), "a title that is a number wins");
        assertEquals("v:1", OfferedChoices.picked("1", sizes).orElseThrow().id());
        List<Choice> both = OfferedChoices.recall(OfferedChoices.remember(sizes));
        assertEquals(sizes, both, "remembered between messages as they were");
    }

    @Test
    void markupIsNeitherReadNorEchoed() {
        assertEquals(" show me your stilettos", Assistant.withoutMarkup("<script>alert('x')</script> show me your"
                + " stilettos"));
        assertEquals("bold words", Assistant.withoutMarkup("<b>bold</b> words").strip().replaceAll("\\s+", " "));
    }
}
