package com.parla.store.entity;

/** Console roles; the names are the Jakarta Security groups. */
public enum StaffRole {
    /** operates the platform: all merchants */
    PLATFORM_ADMIN,
    /** runs one merchant's stores */
    MERCHANT_ADMIN,
    /** personal shopper / sales associate of one store */
    AGENT
}
