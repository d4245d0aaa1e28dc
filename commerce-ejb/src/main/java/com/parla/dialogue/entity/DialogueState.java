package com.parla.dialogue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the engine remembers of a conversation between messages: the step, the product last shown and the size asked
 * for ("do you have these in a 38?", "add it"), the checkout so far, the choices last offered (a typed "2" picks
 * the second), and whether a person has taken over. One row per conversation, locked while a message is answered.
 */
@Entity
@Table(name = "dialogue_state")
public class DialogueState {

    @Id
    @Column(name = "conversation_id")
    private long conversationId;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Step step;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "product_id")
    private Long productId;

    @Column(name = "variant_id")
    private Long variantId;

    @Column(name = "wanted_size", length = 16)
    private String wantedSize;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "offer_code", length = 16)
    private String offerCode;

    @Column(name = "delivery_address", length = 500)
    private String deliveryAddress;

    @Column(name = "delivery_date")
    private LocalDate deliveryDate;

    @Column(name = "offered_choices", length = 4000)
    private String offeredChoices;

    /** Messages in a row the engine was not sure of: the second hands the conversation to a person. */
    @Column(name = "unsure_count", nullable = false)
    private int unsureCount;

    @Column(name = "handed_off_at")
    private Instant handedOffAt;

    @Column(name = "handoff_reason", length = 64)
    private String handoffReason;

    @Column(nullable = false)
    private int turns;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "link_failures", nullable = false)
    private int linkFailures;

    @Column(name = "link_failed_at")
    private Instant linkFailedAt;

    protected DialogueState() {
    }

    public DialogueState(long conversationId, long storeId, String language, Instant now) {
        this.conversationId = conversationId;
        this.storeId = storeId;
        this.language = language;
        this.step = Step.IDLE;
        this.updatedAt = now;
    }

    public void handOff(String reason, Instant at) {
        step = Step.HANDED_OFF;
        handedOffAt = at;
        handoffReason = reason;
        offeredChoices = null;
    }

    public void handBack() {
        step = Step.IDLE;
        handedOffAt = null;
        handoffReason = null;
        unsureCount = 0;
    }

    public boolean isHandedOff() {
        return step == Step.HANDED_OFF;
    }

    /** A message was answered. */
    public void turn(Instant at) {
        turns++;
        updatedAt = at;
    }

    /** Wrong link codes are counted for an hour from the last one: enough to mistype, too few to guess. */
    public boolean mayTryLinkCode(Instant at, int allowed) {
        return linkFailures < allowed || linkFailedAt == null || linkFailedAt.isBefore(at.minusSeconds(3600));
    }

    public void linkCodeFailed(Instant at) {
        linkFailures = linkFailedAt != null && linkFailedAt.isBefore(at.minusSeconds(3600)) ? 1 : linkFailures + 1;
        linkFailedAt = at;
    }

    public int getLinkFailures() {
        return linkFailures;
    }

    public void forgetCheckout() {
        deliveryAddress = null;
        deliveryDate = null;
        offerCode = null;
    }

    public long getConversationId() {
        return conversationId;
    }

    public long getStoreId() {
        return storeId;
    }

    public Step getStep() {
        return step;
    }

    public void setStep(Step step) {
        this.step = step;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public Long getVariantId() {
        return variantId;
    }

    public void setVariantId(Long variantId) {
        this.variantId = variantId;
    }

    public String getWantedSize() {
        return wantedSize;
    }

    public void setWantedSize(String wantedSize) {
        this.wantedSize = wantedSize;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public String getOfferCode() {
        return offerCode;
    }

    public void setOfferCode(String offerCode) {
        this.offerCode = offerCode;
    }

    public String getDeliveryAddress() {
        return deliveryAddress;
    }

    public void setDeliveryAddress(String deliveryAddress) {
        this.deliveryAddress = deliveryAddress;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(LocalDate deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public String getOfferedChoices() {
        return offeredChoices;
    }

    public void setOfferedChoices(String offeredChoices) {
        this.offeredChoices = offeredChoices;
    }

    public int getUnsureCount() {
        return unsureCount;
    }

    public void setUnsureCount(int unsureCount) {
        this.unsureCount = unsureCount;
    }

    public Instant getHandedOffAt() {
        return handedOffAt;
    }

    public String getHandoffReason() {
        return handoffReason;
    }

    public int getTurns() {
        return turns;
    }
}
