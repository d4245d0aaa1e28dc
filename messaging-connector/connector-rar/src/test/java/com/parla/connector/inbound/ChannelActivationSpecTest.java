package com.parla.connector.inbound;

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
        assertTrue(spec.accepts("whatsapp"));
        assertTrue(spec.accepts("probe"));
    }

    @Test
    void listTakesOnlyItsChannels() throws InvalidPropertyException {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        spec.setChannels(" whatsapp , telegram");
        spec.validate();
        assertTrue(spec.accepts("telegram"));
        assertFalse(spec.accepts("wechat"));
    }

    @Test
    void emptyListIsInvalid() {
        ChannelActivationSpec spec = new ChannelActivationSpec();
        spec.setChannels(" , ");
        assertThrows(InvalidPropertyException.class, spec::validate);
        spec.setChannels("webchat");
        assertDoesNotThrow(spec::validate);
    }
}
