package com.parla.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A console user. The password is stored only as a PBKDF2 hash. */
@Entity
@Table(name = "staff_member")
@NamedQuery(name = StaffMember.BY_EMAIL, query = "select s from StaffMember s where s.email = :email")
public class StaffMember {

    public static final String BY_EMAIL = "StaffMember.byEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private StaffRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merchant_id")
    private Merchant merchant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffMember() {
    }

    public StaffMember(String email, String displayName, String passwordHash, StaffRole role, Merchant merchant,
                       Store store) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.merchant = merchant;
        this.store = store;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public StaffRole getRole() {
        return role;
    }

    public Merchant getMerchant() {
        return merchant;
    }

    public Store getStore() {
        return store;
    }

    @Override
    public String toString() {
        return "StaffMember[" + email + " " + role + "]";
    }
}
