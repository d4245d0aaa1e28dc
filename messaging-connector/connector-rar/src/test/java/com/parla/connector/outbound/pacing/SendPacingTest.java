package com.parla.connector.outbound.pacing;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account's rate and the recipient's limit together, on a fake clock. */
class SendPacingTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final SendPacing pacing = new SendPacing(now::get);
    private final ChannelAccountRegistration whatsapp = new ChannelAccountRegistration(Channel.WHATSAPP, "wa", "PNID",
            "v", "s", "t", 80, false, "http://127.0.0.1:9");

    @Test
    void aNumbersSendsAreSpacedAtItsRate() {
        for (int i = 0; i < 100; i++) {
            SendPacing.Pace pace = pacing.reserve(whatsapp, "customer-" + i);
            assertTrue(pace.reserved());
            assertEquals(i * 12_500_000L, pace.waitNanos(), "the " + i + "th send of 80/s");
        }
    }

    @Test
    void aRecipientGetsABurstThenOnePerSixSecondsAndTheCallerIsToldToComeBack() {
        for (int i = 0; i < 10; i++) {
            now.addAndGet(100_000_000L); // the account's own rate never holds these back
            assertTrue(pacing.reserve(whatsapp, "ana").reserved(), "burst message " + i);
        }
        SendPacing.Pace held = pacing.reserve(whatsapp, "ana");
        assertFalse(held.reserved(), "the 11th within a second would wait for seconds: not slept through");
        assertTrue(held.waitNanos() > SendPacing.MAX_RECIPIENT_WAIT_NANOS && held.waitNanos() <= 6_000_000_000L,
                "next slot " + held.waitNanos());
        // another customer is not held back by Ana's limit, and the refusal reserved nothing
        assertTrue(pacing.reserve(whatsapp, "bruno").reserved());
        now.addAndGet(held.waitNanos());
        assertTrue(pacing.reserve(whatsapp, "ana").reserved(), "her next slot came");
    }

    @Test
    void aNewRateTakesEffectWhenTheAccountIsRegisteredAgain() {
        pacing.reserve(whatsapp, "a");
        ChannelAccountRegistration faster = new ChannelAccountRegistration(Channel.WHATSAPP, "wa", "PNID", "v", "s", "t",
                1000, false, "http://127.0.0.1:9");
        pacing.forget("wa");
        pacing.reserve(faster, "b");
        assertEquals(1_000_000L, pacing.reserve(faster, "c").waitNanos());
    }
}
