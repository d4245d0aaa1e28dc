package com.parla.console;

import com.parla.intent.boundary.IntentRecognition;
import com.parla.intent.boundary.IntentTeaching;
import com.parla.intent.boundary.IntentTeachingException;
import com.parla.intent.boundary.ModelInUse;
import com.parla.intent.boundary.TrainedModelSummary;
import com.parla.intent.control.IntentPrediction;
import com.parla.intent.entity.IntentExample;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.entity.StaffRole;
import com.parla.store.entity.Store;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The store's intent model: which one is in use, a box to try messages on it, the store's own examples, and
 * retraining. Admins teach; personal shoppers may look and try.
 */
@Named
@ViewScoped
public class IntentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext securityContext;

    @EJB
    StoreDirectory directory;

    @EJB
    IntentRecognition recognition;

    @EJB
    IntentTeaching teaching;

    private String storeSlug;
    private Long storeId;
    private String storeName;
    private String language;
    private boolean mayTeach;

    private String trial;
    private IntentPrediction trialResult;
    private String newUtterance;
    private String newIntent;

    /** Selects the store named by the view parameter if this user may see it. */
    public void load() {
        String email = securityContext.getCallerPrincipal().getName();
        List<Store> visible = directory.storesVisibleTo(email);
        Store store = visible.stream().filter(s -> s.getSlug().equals(storeSlug)).findFirst()
                .orElse(visible.isEmpty() ? null : visible.get(0));
        if (store != null) {
            storeId = store.getId();
            storeSlug = store.getSlug();
            storeName = store.getName();
            if (language == null) {
                language = store.getDefaultLanguage();
            }
        }
        mayTeach = directory.staffMember(email).map(s -> s.getRole() != StaffRole.AGENT).orElse(false);
    }

    public void tryMessage() {
        trialResult = storeId == null ? null : recognition.classify(storeId, trial);
    }

    public void addExample() {
        requireTeacher();
        try {
            teaching.addExample(storeId, language, newUtterance, newIntent, caller());
            info("Example added. Retrain to put it to use.");
            newUtterance = null;
        } catch (IntentTeachingException e) {
            error(e.getMessage());
        }
    }

    public void removeExample(Long exampleId) {
        requireTeacher();
        try {
            teaching.removeExample(storeId, exampleId);
            info("Example removed. Retrain to put the change to use.");
        } catch (IntentTeachingException e) {
            error(e.getMessage());
        }
    }

    public void retrain() {
        requireTeacher();
        try {
            teaching.retrain(storeId, language, caller());
            info("Training started; the new model is put in use when it is ready.");
        } catch (IntentTeachingException e) {
            error(e.getMessage());
        }
    }

    public ModelInUse getModelInUse() {
        return storeId == null ? null : recognition.modelInUse(storeId, language);
    }

    public boolean isTraining() {
        return storeId != null && recognition.isTraining(storeId);
    }

    public List<IntentExample> getExamples() {
        return storeId == null ? List.of() : teaching.examples(storeId, language);
    }

    public List<TrainedModelSummary> getHistory() {
        return storeId == null ? List.of() : teaching.history(storeId);
    }

    public List<String> completeIntent(String prefix) {
        String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
        return recognition.knownIntents(storeId, language).stream().filter(i -> i.contains(p)).toList();
    }

    public String getThreshold() {
        return String.format(Locale.ROOT, "%.2f", recognition.threshold());
    }

    public String alternatives() {
        return trialResult == null ? "" : trialResult.alternatives().stream()
                .map(a -> String.format(Locale.ROOT, "%s %.0f%%", a.intent(), 100 * a.probability()))
                .collect(Collectors.joining(", "));
    }

    public String evidence() {
        return trialResult == null ? "" : String.join("; ", trialResult.evidence());
    }

    /** The training examples of the intent most like the message, with their similarity. */
    public String similar() {
        return trialResult == null ? "" : String.join("; ", trialResult.similar());
    }

    public String confidencePercent() {
        return trialResult == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * trialResult.confidence());
    }

    private void requireTeacher() {
        if (!mayTeach || storeId == null) {
            throw new SecurityException("only store admins teach intents");
        }
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getStoreSlug() {
        return storeSlug;
    }

    public void setStoreSlug(String storeSlug) {
        this.storeSlug = storeSlug;
    }

    public String getStoreName() {
        return storeName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isMayTeach() {
        return mayTeach;
    }

    public String getTrial() {
        return trial;
    }

    public void setTrial(String trial) {
        this.trial = trial;
    }

    public IntentPrediction getTrialResult() {
        return trialResult;
    }

    public String getNewUtterance() {
        return newUtterance;
    }

    public void setNewUtterance(String newUtterance) {
        this.newUtterance = newUtterance;
    }

    public String getNewIntent() {
        return newIntent;
    }

    public void setNewIntent(String newIntent) {
        this.newIntent = newIntent;
    }
}
