package com.parla.aftersales.boundary;

import com.parla.aftersales.entity.CareCase;
import java.io.Serializable;
import java.time.Instant;

/** A case for the store's staff as the API and the console show it. */
public record CaseView(long id, String kind, String orderReference, String summary, String status, Long conversationId,
                       long customerId, Instant createdAt) implements Serializable {

    static CaseView of(CareCase c) {
        return new CaseView(c.getId(), c.getKind().name(), c.getOrderReference(), c.getSummary(), c.getStatus().name(),
                c.getConversationId(), c.getCustomerId(), c.getCreatedAt());
    }
}
