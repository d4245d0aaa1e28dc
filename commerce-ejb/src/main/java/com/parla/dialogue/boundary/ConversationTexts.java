package com.parla.dialogue.boundary;

import com.parla.dialogue.control.Texts;
import com.parla.dialogue.entity.DialogueState;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** The bot's words in the language a conversation is held in: the one its dialogue settled on, or the store's. */
final class ConversationTexts {

    private ConversationTexts() {
    }

    static Texts of(EntityManager em, long conversationId, String storeLanguage) {
        return Texts.of(Optional.ofNullable(em.find(DialogueState.class, conversationId))
                .map(DialogueState::getLanguage).orElse(storeLanguage));
    }
}
