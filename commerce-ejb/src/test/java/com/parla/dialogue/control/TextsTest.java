package com.parla.dialogue.control;

import com.parla.connector.api.Channel;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {

    @Test
    void whereChoicesAreNumberedLinesTheTextSaysToReplyWithANumber() {
        Texts english = Texts.of("en");
        assertTrue(english.on(Channel.WHATSAPP).get("checkin", "customer", "", "lines", "x", "store", "S",
                "reference", "P-1").contains("Tap to rate"));
        assertEquals("Hello! How are you enjoying your x from S? Reply with a number to rate order P-1:",
                english.on(Channel.WECHAT).get("checkin", "customer", "", "lines", "x", "store", "S", "reference",
                        "P-1"));
        assertTrue(Texts.of("it").on(Channel.WECHAT).get("rating.invalid").contains("numero di una riga"));
        assertEquals(english.get("greeting"), english.on(Channel.WECHAT).get("greeting"), "no variant: the text");
        assertTrue(english.on(Channel.WECHAT).numberedLines() && !english.on(Channel.TELEGRAM).numberedLines());
    }

    @Test
    void aStoresWordingOfTheNumberedTextWinsOnWeChatOnly() {
        Texts own = Texts.of("en", Map.of("rating.invalid.numbered", "Just the number, 1 to 5."));
        assertEquals("Just the number, 1 to 5.", own.on(Channel.WECHAT).get("rating.invalid"));
        assertEquals(Texts.of("en").get("rating.invalid"), own.on(Channel.MESSENGER).get("rating.invalid"));
    }

    @Test
    void everyNumberedTextHasItsPlainTextAndTheSamePlaceholdersInBothLanguages() {
        for (String language : new String[]{"en", "it"}) {
            Texts texts = Texts.of(language);
            Set<String> numbered = texts.keys().stream().filter(k -> k.endsWith(".numbered"))
                    .collect(Collectors.toSet());
            assertEquals(5, numbered.size(), language + ": " + numbered);
            for (String key : numbered) {
                String plain = key.substring(0, key.length() - ".numbered".length());
                assertTrue(texts.has(plain), key);
                assertEquals(placeholders(texts.shipped(plain).orElseThrow()),
                        placeholders(texts.shipped(key).orElseThrow()), key);
            }
        }
    }

    private static Set<String> placeholders(String text) {
        return java.util.regex.Pattern.compile("\\{([a-z]+)\\}").matcher(text).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
