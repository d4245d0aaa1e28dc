package com.parla.store.entity;

/** The messaging channels a store can sell on. */
public enum Channel {
    WHATSAPP, TELEGRAM, MESSENGER, WECHAT, WEBCHAT
}
