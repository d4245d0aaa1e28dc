package com.parla.store.boundary;

/** A channel account was added, changed or removed: whatever is kept about it must be read again. */
public record ChannelAccountChanged(String accountKey) {
}
