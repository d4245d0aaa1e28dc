package com.parla.connector.account;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelAccountsTest {

    private final ChannelAccounts accounts = new ChannelAccounts();
    private final List<String> events = new ArrayList<>();

    ChannelAccountsTest() {
        accounts.addListener(new ChannelAccounts.Listener() {
            @Override
            public void registered(ChannelAccountRegistration account) {
                events.add("+" + account.accountKey());
            }

            @Override
            public void unregistered(String accountKey) {
                events.add("-" + accountKey);
            }
        });
    }

    @Test
    void theApplicationsAccountsReplaceWhatWasThereAndMarkItLoaded() {
        accounts.register(account(Channel.WHATSAPP, "old"));
        assertFalse(accounts.loaded(), "one registration is not the application's whole set");
        accounts.replaceAll(List.of(account(Channel.WHATSAPP, "wa"), account(Channel.TELEGRAM, "tg")));
        assertTrue(accounts.loaded());
        assertEquals(2, accounts.size());
        assertTrue(accounts.find("old").isEmpty());
        assertTrue(accounts.find(Channel.TELEGRAM, "tg").isPresent());
        assertTrue(accounts.find(Channel.WHATSAPP, "tg").isEmpty(), "channel and key must both match");
        assertEquals(List.of("+old", "-old"), events.subList(0, 2));
        assertTrue(events.containsAll(List.of("+wa", "+tg")));
    }

    @Test
    void aSetThatCannotBeServedChangesNothing() {
        accounts.replaceAll(List.of(account(Channel.WHATSAPP, "wa")));
        events.clear();
        assertThrows(IllegalArgumentException.class, () -> accounts.replaceAll(List.of(
                account(Channel.TELEGRAM, "tg"), account(Channel.WEBCHAT, "web"))));
        assertThrows(IllegalArgumentException.class, () -> accounts.replaceAll(List.of(
                account(Channel.TELEGRAM, "same"), account(Channel.WHATSAPP, "same"))));
        assertEquals(List.of(), events);
        assertTrue(accounts.find("wa").isPresent());
        assertEquals(1, accounts.size());
    }

    @Test
    void clearingForgetsTheLoad() {
        accounts.replaceAll(List.of(account(Channel.WHATSAPP, "wa")));
        accounts.clear();
        assertFalse(accounts.loaded());
        assertEquals(List.of("+wa", "-wa"), events);
    }

    private static ChannelAccountRegistration account(Channel channel, String key) {
        return new ChannelAccountRegistration(channel, key, "ext-" + key, "v", "s", "t", 0, false,
                "http://127.0.0.1:9");
    }
}
