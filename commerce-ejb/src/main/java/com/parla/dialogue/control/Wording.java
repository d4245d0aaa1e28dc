package com.parla.dialogue.control;

import com.parla.dialogue.entity.StoreWording;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.stream.Collectors;

/** The bot's texts of one store: its own wording over the shipped bundle, read once per turn or notice. */
public final class Wording {

    private final EntityManager em;

    public Wording(EntityManager em) {
        this.em = em;
    }

    public Texts texts(long storeId, String language) {
        String spoken = Texts.speaks(language) ? language : Texts.FALLBACK;
        Map<String, String> own = em.createNamedQuery(StoreWording.OF_STORE, StoreWording.class)
                .setParameter("store", storeId).setParameter("language", spoken).getResultStream()
                .collect(Collectors.toMap(StoreWording::getKey, StoreWording::getText));
        return Texts.of(spoken, own);
    }
}
