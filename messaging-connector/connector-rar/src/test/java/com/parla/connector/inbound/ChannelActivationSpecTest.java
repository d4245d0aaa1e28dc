package com.parla.connector.inbound;

import com.parla.connector.api.Channel;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelActivationSpecTest {

    @Test
    void starTakesEveryChannel() {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        for (Channel channel : Channel.values()) {
            assertTrue(spec.accepts(channel), channel::wireName);
        }
    }

    @Test
    void listTakesOnlyItsChannels() throws InvalidPropertyException {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        spec.setChannels(" whatsapp , telegram");
        spec.validate();
        assertTrue(spec.accepts(Channel.TELEGRAM));
        assertFalse(spec.accepts(Channel.WECHAT));
    }

    @Test
    void emptyListIsInvalid() {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        spec.setChannels(" , ");
        assertThrows(InvalidPropertyException.class, spec::validate);
        spec.setChannels("webchat");
        assertDoesNotThrow(spec::validate);
    }

    @Test
    void anUnknownChannelIsInvalid() {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        spec.setChannels("whatsapp, whatsap");
        assertThrows(InvalidPropertyException.class, spec::validate);
    }
}
