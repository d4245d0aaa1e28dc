package com.parla.connector.micro;

import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessageListener;
import jakarta.annotation.Resource;
import jakarta.ejb.MessageDriven;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A test endpoint: remembers what the connector delivered and whether a transaction was active. */
@MessageDriven(messageListenerInterface = InboundMessageListener.class)
public class RecordingReceiver implements InboundMessageListener {

    static final Map<String, Boolean> RECEIVED_IN_TRANSACTION = new ConcurrentHashMap<>();
    static final String REFUSE = "refuse-";

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void onMessage(InboundMessage message) {
        RECEIVED_IN_TRANSACTION.put(message.channelMessageId(), transactions.getTransactionKey() != null);
        if (message.channelMessageId().startsWith(REFUSE)) {
            throw new IllegalStateException("refused on purpose: " + message.channelMessageId());
        }
    }

    @Override
    public void onMessages(List<InboundMessage> messages) {
        messages.forEach(this::onMessage);
    }
}
