package com.parla.intent.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop! ", "STOP ALL", "Unsubscribe", "opt out", "/stop", "退订", "Basta."})
    void optOutWordsAreCommands(String text) {
        assertEquals(Intents.OPT_OUT, CommandRules.match(text).orElseThrow().intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop sending me offers", "stop the delivery", "don't stop", "stopped", "tds"})
    void sentencesWithStopAreLeftToTheModel(String text) {
        assertTrue(CommandRules.match(text).isEmpty(), text);
    }

    @Test
    void buyWithAProductCodeIsACommandWithTheCode() {
        assertEquals("A12", CommandRules.match("BUY A12").orElseThrow().argument());
        assertEquals("FLAT38", CommandRules.match("BUYFLAT38").orElseThrow().argument(), "without the space");
        assertEquals("SHOE-BAL-02", CommandRules.match("buy SHOE-BAL-02").orElseThrow().argument());
        assertEquals("SHOE-38", CommandRules.match("buy: shoe-38").orElseThrow().argument());
        assertEquals("7781", CommandRules.match("Buy #7781").orElseThrow().argument());
        assertEquals(Intents.BUY, CommandRules.match("compra 55B").orElseThrow().intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"buy this", "buy it now", "BUY", "buy A12 and B13", "buy the 38 ones", "buyer1", "buying",
            "buy " + "1234567890123456789012345"})
    void buyWithoutOneCodeIsLeftToTheModel(String text) {
        assertTrue(CommandRules.match(text).isEmpty(), text);
    }

    @Test
    void linkAsksForACodeAndLinkWithDigitsSendsOne() {
        assertEquals(Intents.LINK_IDENTITY, CommandRules.match("LINK").orElseThrow().intent());
        assertEquals(null, CommandRules.match("link").orElseThrow().argument(), "no code: asks for one");
        assertEquals("482913", CommandRules.match("LINK 482913").orElseThrow().argument());
        assertEquals("482913", CommandRules.match("collega 482 913").orElseThrow().argument(), "spaced digits");
        assertEquals("482913", CommandRules.match("/link482913").orElseThrow().argument());
        assertEquals("12345", CommandRules.match("link 12345").orElseThrow().argument(),
                "a code of the wrong length is still a try at one (and counts as a wrong code)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"send me the link", "link please", "link to the payment page", "links", "link 12a456"})
    void sentencesWithLinkAreLeftToTheModel(String text) {
        assertTrue(CommandRules.match(text).isEmpty(), text);
    }

    @Test
    void telegramStartIsAGreeting() {
        assertEquals("greeting", CommandRules.match("/start").orElseThrow().intent());
    }

    @Test
    void hostileInputIsRejectedQuickly() {
        String flood = "buy " + "a-".repeat(200_000) + "!";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () ->
                assertTrue(CommandRules.match(flood).isEmpty()));
    }
}
