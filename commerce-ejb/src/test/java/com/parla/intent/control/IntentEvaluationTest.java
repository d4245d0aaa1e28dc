package com.parla.intent.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentEvaluationTest {

    private static List<LabelledUtterance> corpus() {
        List<LabelledUtterance> all = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> all.add(new LabelledUtterance("a" + i, "alpha")));
        IntStream.range(0, 20).forEach(i -> all.add(new LabelledUtterance("b" + i, "beta")));
        return all;
    }

    @Test
    void aPhrasingFamilyIsHeldOutWholeOrNotAtAll() {
        List<LabelledUtterance> all = new ArrayList<>();
        for (String opening : List.of("could you", "how do", "i want", "where is", "can i")) {
            IntStream.range(0, 6).forEach(i -> all.add(new LabelledUtterance(opening + " thing " + i, "alpha")));
        }
        IntentEvaluation.Split split = IntentEvaluation.familySplit(all, 0.2, 3);
        assertEquals(6, split.test().size(), "one family of five is a fifth");
        var heldOpenings = new HashSet<String>();
        split.test().forEach(u -> heldOpenings.add(IntentEvaluation.family(u)));
        assertEquals(1, heldOpenings.size());
        assertTrue(split.train().stream().noneMatch(u -> heldOpenings.contains(IntentEvaluation.family(u))));
        assertEquals("could you", IntentEvaluation.family(new LabelledUtterance("Could you, please?", "alpha")));
    }

    @Test
    void heldOutSplitKeepsEachIntentsShare() {
        IntentEvaluation.Split split = IntentEvaluation.split(corpus(), 0.2, 1);
        assertEquals(2, split.test().stream().filter(u -> u.intent().equals("alpha")).count());
        assertEquals(4, split.test().stream().filter(u -> u.intent().equals("beta")).count());
        assertEquals(24, split.train().size());
        assertTrue(split.train().stream().noneMatch(split.test()::contains));
    }

    @Test
    void foldsCoverEverythingOnce() {
        List<List<LabelledUtterance>> folds = IntentEvaluation.folds(corpus(), 5, 1);
        assertEquals(5, folds.size());
        assertEquals(30, folds.stream().mapToInt(List::size).sum());
        assertEquals(30, new HashSet<>(folds.stream().flatMap(List::stream).toList()).size());
        folds.forEach(f -> assertEquals(2, f.stream().filter(u -> u.intent().equals("alpha")).count()));
    }

    @Test
    void scorecardFigures() {
        IntentEvaluation.Scorecard card = new IntentEvaluation.Scorecard();
        // alpha: 3 right, 1 taken for beta; beta: 4 right; confident on all but one right answer
        for (int i = 0; i < 3; i++) {
            card.add("alpha", "alpha", i > 0);
        }
        card.add("alpha", "beta", true);
        for (int i = 0; i < 4; i++) {
            card.add("beta", "beta", true);
        }
        assertEquals(7 / 8.0, card.accuracy(), 1e-9);
        double f1Alpha = 2 * 1.0 * 0.75 / 1.75;
        double f1Beta = 2 * 0.8 * 1.0 / 1.8;
        assertEquals((f1Alpha + f1Beta) / 2, card.macroF1(), 1e-9);
        assertEquals(7 / 8.0, card.coverage(), 1e-9);
        assertEquals(6 / 7.0, card.confidentAccuracy(), 1e-9);
        assertEquals(List.of("alpha → beta: 1"), card.confusions(5));
    }
}
