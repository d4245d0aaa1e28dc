package com.parla.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The console's language for this signed-in person: their browser's if it is Italian, else English; switchable. */
@Named
@SessionScoped
public class ConsolePreferences implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale asked = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = asked != null && "it".equals(asked.getLanguage()) ? Locale.ITALIAN : Locale.ENGLISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches to "en" or "it" (anything else: English). */
    public void setLanguage(String language) {
        locale = "it".equals(language) ? Locale.ITALIAN : Locale.ENGLISH;
    }
}
