package com.parla.dialogue.control;

import com.parla.dialogue.control.DeliveryWish.PartOfDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery day read from a customer's words. Every expected day is written out by hand from a calendar:
 * 2026-12-01 is a Tuesday (so Friday is the 4th, Monday the 7th), 2026-12-04 a Friday.
 */
class DeliveryWishesTest {

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2026-12-01 | today                                          | 2026-12-01 |            | ANY
            2026-12-01 | Can you deliver it tomorrow?                   | 2026-12-02 |            | ANY
            2026-12-01 | tmrw pls                                       | 2026-12-02 |            | ANY
            2026-12-01 | tomorow is fine                                | 2026-12-02 |            | ANY
            2026-12-01 | tommorow morning                               | 2026-12-02 |            | MORNING
            2026-12-01 | tomorrov                                       | 2026-12-02 |            | ANY
            2026-12-01 | the day after tomorrow                         | 2026-12-03 |            | ANY
            2026-12-01 | dopodomani                                     | 2026-12-03 |            | ANY
            2026-12-01 | oggi pomeriggio                                | 2026-12-01 |            | AFTERNOON
            2026-12-01 | domani pomeriggio                              | 2026-12-02 |            | AFTERNOON
            2026-12-01 | tomorrow afternoon                             | 2026-12-02 |            | AFTERNOON
            2026-12-01 | in 3 days                                      | 2026-12-04 |            | ANY
            2026-12-01 | in three days please                           | 2026-12-04 |            | ANY
            2026-12-01 | tra 3 giorni                                   | 2026-12-04 |            | ANY
            2026-12-01 | fra tre giorni                                 | 2026-12-04 |            | ANY
            2026-12-01 | in ten days                                    | 2026-12-11 |            | ANY
            2026-12-01 | tra una settimana                              | 2026-12-08 |            | ANY
            2026-12-01 | tonight?                                       | 2026-12-01 |            | EVENING
            2026-12-01 | stasera                                        | 2026-12-01 |            | EVENING
            2026-12-01 | domattina                                      | 2026-12-02 |            | MORNING
            2026-12-01 | Friday                                         | 2026-12-04 |            | ANY
            2026-12-01 | "Hey, sorry but can my shoes be delivered on Friday instead by any chance?" | 2026-12-04 || ANY
            2026-12-01 | venerdì                                        | 2026-12-04 |            | ANY
            2026-12-01 | venerdi                                        | 2026-12-04 |            | ANY
            2026-12-01 | giovedi mattina                                | 2026-12-03 |            | MORNING
            2026-12-01 | Tuesday                                        | 2026-12-08 |            | ANY
            2026-12-01 | martedì                                        | 2026-12-08 |            | ANY
            2026-12-01 | this friday                                    | 2026-12-04 |            | ANY
            2026-12-01 | next friday                                    | 2026-12-04 |            | ANY
            2026-12-01 | il prossimo venerdì                            | 2026-12-04 |            | ANY
            2026-12-01 | venerdì prossimo                               | 2026-12-04 |            | ANY
            2026-12-01 | Friday morning                                 | 2026-12-04 |            | MORNING
            2026-12-01 | venerdì mattina                                | 2026-12-04 |            | MORNING
            2026-12-01 | fryday                                         | 2026-12-04 |            | ANY
            2026-12-01 | thurday                                        | 2026-12-03 |            | ANY
            2026-12-01 | wendesday                                      | 2026-12-02 |            | ANY
            2026-12-01 | venrdì                                         | 2026-12-04 |            | ANY
            2026-12-01 | sabto                                          | 2026-12-05 |            | ANY
            2026-12-01 | thrusday pm                                    | 2026-12-03 |            | AFTERNOON
            2026-12-01 | mon                                            | 2026-12-07 |            | ANY
            2026-12-01 | thurs afternoon                                | 2026-12-03 |            | AFTERNOON
            2026-12-01 | sat?                                           | 2026-12-05 |            | ANY
            2026-12-01 | sun                                            | 2026-12-06 |            | ANY
            2026-12-01 | mar                                            | 2026-12-08 |            | ANY
            2026-12-01 | gio                                            | 2026-12-03 |            | ANY
            2026-12-01 | dom sera                                       | 2026-12-06 |            | EVENING
            2026-12-01 | may I change it to Friday?                     | 2026-12-04 |            | ANY
            2026-12-01 | SABATO!!! 🙏                                   | 2026-12-05 |            | ANY
            2026-12-01 | Friday instead of Monday                       | 2026-12-04 |            | ANY
            2026-12-01 | "invece di lunedì, mercoledì"                  | 2026-12-02 |            | ANY
            2026-12-01 | non lunedì ma giovedì                          | 2026-12-03 |            | ANY
            2026-12-01 | can you move it from monday to friday          | 2026-12-04 |            | ANY
            2026-12-01 | Could you deliver it Friday instead of tomorrow morning? | 2026-12-04 |  | ANY
            2026-12-01 | "invece domani mattina, grazie"                | 2026-12-02 |            | MORNING
            2026-12-01 | wednesday next week                            | 2026-12-09 |            | ANY
            2026-12-01 | mercoledì della prossima settimana             | 2026-12-09 |            | ANY
            2026-12-04 | Friday                                         | 2026-12-11 |            | ANY
            2026-12-04 | venerdì                                        | 2026-12-11 |            | ANY
            2026-12-04 | tomorrow                                       | 2026-12-05 |            | ANY
            2026-12-04 | this weekend                                   | 2026-12-05 |            | ANY
            2026-12-01 | the 12th                                       | 2026-12-12 |            | ANY
            2026-12-01 | on the 12th                                    | 2026-12-12 |            | ANY
            2026-12-01 | 12th                                           | 2026-12-12 |            | ANY
            2026-12-01 | il 12                                          | 2026-12-12 |            | ANY
            2026-12-01 | 12 December                                    | 2026-12-12 |            | ANY
            2026-12-01 | December 12                                    | 2026-12-12 |            | ANY
            2026-12-01 | Dec 12                                         | 2026-12-12 |            | ANY
            2026-12-01 | 12 dicembre                                    | 2026-12-12 |            | ANY
            2026-12-01 | 12 dic                                         | 2026-12-12 |            | ANY
            2026-12-01 | 12/12                                          | 2026-12-12 |            | ANY
            2026-12-01 | 12.12                                          | 2026-12-12 |            | ANY
            2026-12-01 | 12-12                                          | 2026-12-12 |            | ANY
            2026-12-01 | 12/12/2026                                     | 2026-12-12 |            | ANY
            2026-12-01 | 2026-12-12                                     | 2026-12-12 |            | ANY
            2026-12-01 | the 12th of December                           | 2026-12-12 |            | ANY
            2026-12-01 | 24/12/26                                       | 2026-12-24 |            | ANY
            2026-12-01 | consegna l'8?                                  | 2026-12-08 |            | ANY
            2026-12-01 | 5 gennaio                                      | 2027-01-05 |            | ANY
            2026-12-01 | 12 may                                         | 2027-05-12 |            | ANY
            2026-12-01 | may 12                                         | 2027-05-12 |            | ANY
            2026-12-01 | mar 12                                         | 2027-03-12 |            | ANY
            2026-12-01 | Friday the 18th                                | 2026-12-18 |            | ANY
            2026-12-01 | venerdì 18                                     | 2026-12-18 |            | ANY
            2026-12-01 | the 1st                                        | 2026-12-01 |            | ANY
            2026-11-05 | the 31st                                       | 2026-12-31 |            | ANY
            2027-02-15 | the 30th                                       | 2027-03-30 |            | ANY
            2026-12-31 | the 2nd                                        | 2027-01-02 |            | ANY
            2026-12-31 | 2 gennaio                                      | 2027-01-02 |            | ANY
            2027-01-31 | tomorrow                                       | 2027-02-01 |            | ANY
            2027-02-28 | domani                                         | 2027-03-01 |            | ANY
            2028-02-28 | tomorrow                                       | 2028-02-29 |            | ANY
            2026-12-01 | "I'm a 38, can it come on the 5th?"            | 2026-12-05 |            | ANY
            2026-12-01 | size 38 for friday                             | 2026-12-04 |            | ANY
            2026-12-01 | not before Friday                              |            | 2026-12-04 | ANY
            2026-12-01 | no earlier than the 12th                       |            | 2026-12-12 | ANY
            2026-12-01 | from Thursday                                  |            | 2026-12-03 | ANY
            2026-12-01 | from Thursday on                               |            | 2026-12-03 | ANY
            2026-12-01 | Friday or later                                |            | 2026-12-04 | ANY
            2026-12-01 | after Friday                                   |            | 2026-12-05 | ANY
            2026-12-01 | non prima di venerdì                           |            | 2026-12-04 | ANY
            2026-12-01 | non prima del 12                               |            | 2026-12-12 | ANY
            2026-12-01 | dal 12                                         |            | 2026-12-12 | ANY
            2026-12-01 | dal 12 in poi                                  |            | 2026-12-12 | ANY
            2026-12-01 | da venerdì                                     |            | 2026-12-04 | ANY
            2026-12-01 | a partire da lunedì                            |            | 2026-12-07 | ANY
            2026-12-01 | dopo il 12                                     |            | 2026-12-13 | ANY
            2026-12-01 | next week                                      |            | 2026-12-07 | ANY
            2026-12-04 | next week                                      |            | 2026-12-07 | ANY
            2026-12-01 | la settimana prossima                          |            | 2026-12-07 | ANY
            2026-12-01 | la prossima settimana di mattina               |            | 2026-12-07 | MORNING
            2026-12-01 | early next week                                |            | 2026-12-07 | ANY
            2026-12-01 | after the weekend                              |            | 2026-12-07 | ANY
            2026-12-01 | from tomorrow afternoon                        |            | 2026-12-02 | AFTERNOON
            2026-12-01 | dopodomani o più tardi                         |            | 2026-12-03 | ANY
            2026-12-01 | no later than Friday                           | 2026-12-04 |            | ANY
            2026-12-01 | weekend                                        | 2026-12-05 |            | ANY
            2026-12-01 | nel weekend                                    | 2026-12-05 |            | ANY
            2026-12-01 | sabato o domenica                              | 2026-12-05 |            | ANY
            2026-12-01 | in the afternoon                               |            | 2026-12-01 | AFTERNOON
            2026-12-01 | di pomeriggio                                  |            | 2026-12-01 | AFTERNOON
            2026-12-01 | in mattinata                                   |            | 2026-12-01 | MORNING
            2026-12-01 | after lunch                                    |            | 2026-12-01 | AFTERNOON
            2026-12-01 | dopo pranzo                                    |            | 2026-12-01 | AFTERNOON
            2026-12-01 | Friday after 6pm                               | 2026-12-04 |            | EVENING
            2026-12-01 | Friday at 10 a.m.                              | 2026-12-04 |            | MORNING
            2026-12-01 | venerdì alle 15                                | 2026-12-04 |            | AFTERNOON
            2026-12-01 | Friday morning or afternoon                    | 2026-12-04 |            | ANY
            2026-12-01 | "Good evening, can it come on Friday?"         | 2026-12-04 |            | ANY
            2026-12-01 | "Buonasera, potete consegnare sabato?"         | 2026-12-05 |            | ANY
            """)
    void aDayOrAFirstDayAndAPartOfTheDay(LocalDate today, String text, LocalDate day, LocalDate notBefore,
            PartOfDay partOfDay) {
        assertEquals(Optional.of(new DeliveryWish(day, notBefore, partOfDay)), DeliveryWishes.read(text, today));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2026-12-01 | where is my parcel?
            2026-12-01 | hello
            2026-12-01 | ciao
            2026-12-01 | grazie mille
            2026-12-01 | size 38 please
            2026-12-01 | I am 38
            2026-12-01 | I need sunglasses
            2026-12-01 | "I sat in the sun"
            2026-12-01 | 31/11
            2026-12-01 | 30 febbraio
            2026-12-01 | 29/02
            2026-12-01 | the 32nd
            2026-12-01 | "Good morning! Where is my parcel?"
            2026-12-01 | I'd like 2 pairs in 38.5
            2026-12-01 | my order number is 12345
            2026-12-01 | "a, i"
            2026-12-01 | spedizione in 2-3 giorni?
            2026-12-01 | non lunedì
            """)
    void noDayInTheWords(LocalDate today, String text) {
        assertEquals(Optional.empty(), DeliveryWishes.read(text, today));
    }

    @ParameterizedTest(name = "{0} in {1}: \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-03T23:30:00Z | Europe/Rome      | oggi             | 2026-12-04 |            | ANY
            2026-12-03T23:30:00Z | Europe/Rome      | domani           | 2026-12-05 |            | ANY
            2026-12-03T23:30:00Z | UTC              | tomorrow         | 2026-12-04 |            | ANY
            2026-12-04T03:30:00Z | America/New_York | tomorrow         | 2026-12-04 |            | ANY
            2026-12-04T03:30:00Z | America/New_York | Friday           | 2026-12-04 |            | ANY
            2026-12-04T03:30:00Z | Europe/Rome      | Friday           | 2026-12-11 |            | ANY
            2026-06-30T22:15:00Z | Europe/Rome      | domani           | 2026-07-02 |            | ANY
            2026-06-30T22:15:00Z | Europe/Rome      | in the afternoon |            | 2026-07-01 | AFTERNOON
            """)
    void todayIsTheStoresToday(Instant now, ZoneId zone, String text, LocalDate day, LocalDate notBefore,
            PartOfDay partOfDay) {
        assertEquals(Optional.of(new DeliveryWish(day, notBefore, partOfDay)), DeliveryWishes.read(text, now, zone));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Can my shoes be delivered on Friday instead?"
            can it come tomorrow
            potete consegnare sabato?
            Vorrei spostare la consegna
            il corriere quando arriva?
            È possibile cambiare il giorno?
            PACCO a casa
            reschedule please
            """)
    void aboutADelivery(String text) {
        assertTrue(DeliveryWishes.mentionsDelivery(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hello
            come posso pagare?
            do you have the boots in a 38?
            grazie mille
            quanto costano le scarpe?
            """)
    void notAboutADelivery(String text) {
        assertFalse(DeliveryWishes.mentionsDelivery(text));
    }
}
