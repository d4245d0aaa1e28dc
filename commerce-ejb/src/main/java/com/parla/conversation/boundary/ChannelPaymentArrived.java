package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;

/**
 * A channel's own payment step reached us (Telegram: the pre-checkout query, then the successful payment), fired in
 * the transaction that recorded it, once per delivery the channel made.
 *
 * @param check true for the question whether the payment may proceed, false for the payment done
 */
public record ChannelPaymentArrived(long storeId, long conversationId, String accountKey, boolean check,
                                    InboundMessage.Payment payment) {
}
