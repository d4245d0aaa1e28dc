package com.parla.intent.control;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentFeaturesTest {

    @Test
    void wordsPairsAndLetterNGrams() {
        List<String> features = Arrays.asList(IntentFeatures.of("Where is my PARCEL?"));
        assertTrue(features.contains("bow=parcel"), features::toString);
        assertTrue(features.stream().anyMatch(f -> f.startsWith("ng=") && f.contains("where") && f.contains("is")));
        assertTrue(features.contains("ch=_par"));
        assertTrue(features.contains("ch=el_"));
    }

    @Test
    void fullWidthAndCaseAreNormalised() {
        assertArrayEquals(IntentFeatures.of("order 38"), IntentFeatures.of("ＯＲＤＥＲ ３８"));
    }

    @Test
    void chineseGetsSingleCharacters() {
        List<String> features = Arrays.asList(IntentFeatures.of("我的包裹在哪里"));
        assertTrue(features.contains("ch=包"), features::toString);
        assertTrue(features.contains("ch=包裹"));
    }

    @Test
    void explanationPartsCarryExactlyTheModelsFeatures() {
        String text = "hi hi, where is my parcel? where?";
        String[] all = IntentFeatures.of(text);
        String[] byPart = IntentFeatures.byPart(text).values().stream().flatMap(List::stream).toArray(String[]::new);
        Arrays.sort(all);
        Arrays.sort(byPart);
        assertArrayEquals(all, byPart);
        assertEquals(List.of("hi", "hi hi", "hi ,", ",", ", where", "where", "where is", "is", "is my", "my",
                "my parcel", "parcel", "parcel ?", "?", "? where", "where ?"),
                List.copyOf(IntentFeatures.byPart(text).keySet()));
    }
}
