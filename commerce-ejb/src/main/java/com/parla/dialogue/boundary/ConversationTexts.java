package com.parla.dialogue.boundary;

import com.parla.conversation.boundary.ConversationRef;
import com.parla.dialogue.control.Texts;
import com.parla.dialogue.control.Wording;
import com.parla.dialogue.entity.DialogueState;
import com.parla.store.boundary.StoreRef;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * The bot's words in the language a conversation is held in (the one its dialogue settled on, or the store's),
 * in the store's own wording where it has some, as the conversation's channel lets the customer answer.
 */
final class ConversationTexts {

    private ConversationTexts() {
    }

    static Texts of(EntityManager em, ConversationRef conversation, StoreRef store) {
        return of(em, conversation.id(), store).on(conversation.channel());
    }

    /** The texts of a conversation whose channel has buttons (a Telegram payment form). */
    static Texts of(EntityManager em, long conversationId, StoreRef store) {
        return new Wording(em).texts(store.id(), Optional.ofNullable(em.find(DialogueState.class, conversationId))
                .map(DialogueState::getLanguage).orElse(store.defaultLanguage()));
    }
}
