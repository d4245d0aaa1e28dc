package com.parla.store.boundary;

import com.parla.connector.api.Channel;
import java.io.Serializable;

/**
 * The store behind a channel account, as the conversation path needs it on every message.
 *
 * @param storeName the store's name as customers see it
 */
public record AccountOwner(String accountKey, Channel channel, long storeId, String storeName) implements Serializable {
}
