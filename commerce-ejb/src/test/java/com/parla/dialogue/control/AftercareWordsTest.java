package com.parla.dialogue.control;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ratings typed instead of tapped, "my codes", returns, and a courier who can't find the customer. */
class AftercareWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5|5", "4 stars|4", "3/5|3", "★★★★|4", "⭐⭐|2", "five|5", "quattro|4",
            "2 stelle|2", "I give it 4|4", "9|9", "0|0", "4!|4"})
    void aRatingTypedIsReadAsTypedSoThatNineIsRefusedNotRounded(String text, int stars) {
        assertEquals(Optional.of(stars), AftercareWords.stars(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size 38", "thanks", "I love them", "Via Roma 1", ""})
    void otherWordsAreNoRating(String text) {
        assertEquals(Optional.empty(), AftercareWords.stars(text));
    }

    @Test
    void codesAndReturns() {
        assertTrue(AftercareWords.asksForCodes("my codes"));
        assertTrue(AftercareWords.asksForCodes("My discount codes?"));
        assertTrue(AftercareWords.asksForCodes("i miei codici"));
        assertFalse(AftercareWords.asksForCodes("what is the code of the bag"));
        assertTrue(AftercareWords.wantsToReturn("I'm sorry but I want to send them back"));
        assertTrue(AftercareWords.wantsToReturn("Vorrei fare il reso delle scarpe"));
        assertTrue(AftercareWords.wantsToReturn("can I return them?"));
        assertFalse(AftercareWords.wantsToReturn("I'll be back home at six"));
    }

    @Test
    void aCourierWhoCannotFindTheCustomer() {
        assertTrue(CourierWords.meetingWanted("The courier can't find me"));
        assertTrue(CourierWords.meetingWanted("I'm held up across town and won't make it home in time"));
        assertTrue(CourierWords.meetingWanted("Non sono a casa, sono in ufficio"));
        assertTrue(CourierWords.meetingWanted("il corriere non mi trova"));
        assertTrue(CourierWords.meetingWanted("I won’t be home"));
        assertFalse(CourierWords.meetingWanted("Do you have the ballet flats in a 38?"));
        assertFalse(CourierWords.meetingWanted("Can my shoes come on Friday instead?"));
    }

    @Test
    void aTypedMeetingPlace() {
        assertTrue(DeliveryTalk.looksLikeAPlace("Corso Como 10"));
        assertTrue(DeliveryTalk.looksLikeAPlace("the bar at Piazza Duomo"));
        assertFalse(DeliveryTalk.looksLikeAPlace("where is my parcel?"));
        assertFalse(DeliveryTalk.looksLikeAPlace("ok"));
        assertFalse(DeliveryTalk.looksLikeAPlace("12345678"));
    }
}
