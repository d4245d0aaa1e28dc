package com.parla.dialogue.entity;

/** Where a conversation stands: what the engine asked last, so that the next message is read as its answer. */
public enum Step {
    /** Nothing asked: the next message is read for its intent. */
    IDLE,
    /** Search results or a category were shown. */
    CHOOSING_PRODUCT,
    /** A product's sizes were shown. */
    CHOOSING_SIZE,
    /** Checkout: where to deliver. */
    CHECKOUT_ADDRESS,
    /** Checkout: which delivery day. */
    CHECKOUT_DATE,
    /** Checkout: delivery updates in the chat, yes or no. */
    CHECKOUT_UPDATES,
    /** A BUY code's confirmation was asked. */
    CONFIRM_BUY,
    /** The message was not understood well enough; the two likeliest readings were offered. */
    CLARIFYING,
    /** The customer was asked to share where they are, for the courier to meet them. */
    SHARING_LOCATION,
    /** The customer was asked to rate an order (the state's order). */
    RATING,
    /** The customer rated it and may add a comment or a photo. */
    RATING_COMMENT,
    /** A person of the store has the conversation; the bot is silent until they hand it back. */
    HANDED_OFF
}
