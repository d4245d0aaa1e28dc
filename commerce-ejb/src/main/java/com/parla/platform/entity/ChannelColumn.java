package com.parla.platform.entity;

import com.parla.connector.api.Channel;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Every {@link Channel} column holds the channel's wire name ({@code whatsapp}), as webhook URLs and logs do. */
@Converter(autoApply = true)
public class ChannelColumn implements AttributeConverter<Channel, String> {

    @Override
    public String convertToDatabaseColumn(Channel channel) {
        return channel == null ? null : channel.wireName();
    }

    @Override
    public Channel convertToEntityAttribute(String column) {
        return column == null ? null : Channel.ofWireName(column)
                .orElseThrow(() -> new IllegalStateException("no channel " + column + " in the database"));
    }
}
