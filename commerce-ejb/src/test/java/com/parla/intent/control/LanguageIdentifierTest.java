package com.parla.intent.control;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageIdentifierTest {

    private static final List<String> EN_IT_ZH = List.of("en", "it", "zh");
    private static LanguageIdentifier languages;

    @BeforeAll
    static void load() {
        languages = LanguageIdentifier.load();
    }

    @Test
    void tellsTheStoresLanguagesApart() {
        assertEquals("en", languages.identify("could you tell me where my parcel is right now?", EN_IT_ZH));
        assertEquals("it", languages.identify("buongiorno, vorrei sapere quando arriva il mio pacco", EN_IT_ZH));
        assertEquals("zh", languages.identify("我的包裹什么时候到?", EN_IT_ZH));
        assertEquals("zh", languages.identify("这双鞋有38码吗", List.of("en")));
    }

    @Test
    void aShortMessageIsInTheStoresDefaultLanguage() {
        assertEquals("it", languages.identify("ok grazie", List.of("it", "en")));
        assertEquals("en", languages.identify("ok thanks", List.of("en", "it")));
        assertEquals("en", languages.identify("38?", List.of("en")));
    }

    @Test
    void aClearlyOtherLanguageIsReportedSoAPersonCanAnswer() {
        assertEquals("de", languages.identify("Guten Tag, wann wird meine Bestellung geliefert? Vielen Dank",
                List.of("en")));
    }

    @Test
    void detectorCodesBecomeTwoLetterCodes() {
        assertEquals("it", LanguageIdentifier.twoLetter("ita"));
        assertEquals("zh", LanguageIdentifier.twoLetter("cmn"));
        assertEquals("xyz", LanguageIdentifier.twoLetter("xyz"));
    }
}
