package com.parla.intent.control;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordModelTrainerTest {

    private static final List<LabelledUtterance> SMALL = List.of(
            new LabelledUtterance("where is my parcel", "track_order"),
            new LabelledUtterance("has my order shipped yet", "track_order"),
            new LabelledUtterance("tracking number please", "track_order"),
            new LabelledUtterance("hello there", "greeting"),
            new LabelledUtterance("hi, good morning", "greeting"),
            new LabelledUtterance("hey anyone around", "greeting"));

    @Test
    void sameUtterancesGiveTheSameModelAndVersion() {
        WordModel first = WordModelTrainer.train("en", SMALL);
        WordModel second = WordModelTrainer.train("en", SMALL);
        assertEquals(first.version(), second.version());
        assertArrayEquals(first.toBytes(), second.toBytes());
    }

    @Test
    void anotherExampleGivesAnotherVersion() {
        List<LabelledUtterance> more = new ArrayList<>(SMALL);
        more.add(new LabelledUtterance("where's my package", "track_order"));
        assertNotEquals(WordModelTrainer.version("en", SMALL), WordModelTrainer.version("en", more));
        assertNotEquals(WordModelTrainer.version("en", SMALL), WordModelTrainer.version("it", SMALL));
    }

    @Test
    void aStoredModelScoresAsTheTrainedOne() {
        WordModel trained = WordModelTrainer.train("en", SMALL);
        WordModel read = WordModel.read(trained.toBytes(), "en", trained.version());
        assertEquals(trained.score("hi where is my order"), read.score("hi where is my order"));
        assertEquals("track_order", read.score("where is my order").get(0).intent());
    }

    @Test
    void oneIntentIsNothingToTellApart() {
        assertThrows(IllegalArgumentException.class,
                () -> WordModelTrainer.train("en", SMALL.subList(0, 3)));
    }

    @Test
    void labelsAndTextsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new LabelledUtterance(" ", "greeting"));
        assertThrows(IllegalArgumentException.class, () -> new LabelledUtterance("hi", "Greeting"));
        assertThrows(IllegalArgumentException.class, () -> new LabelledUtterance("hi", "greet ing"));
        assertThrows(IllegalArgumentException.class, () -> new LabelledUtterance("hi", null));
    }

    @Test
    void anUnreadableModelIsRefused() {
        assertThrows(RuntimeException.class, () -> WordModel.read("not a model".getBytes(), "en", "x"));
    }
}
