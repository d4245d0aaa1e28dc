package com.parla.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The login form and sign-out. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    SignInThrottle throttle;

    @NotBlank
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        String account = email.trim().toLowerCase(Locale.ROOT);
        String address = ((HttpServletRequest) external.getRequest()).getRemoteAddr();
        Optional<Duration> wait = throttle.wait(account, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Too many failed sign-ins: try"
                    + " again in " + minutes + (minutes == 1 ? " minute." : " minutes."), null));
            return;
        }
        UsernamePasswordCredential credential = new UsernamePasswordCredential(account, password);
        AuthenticationStatus status = securityContext.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                throttle.succeeded(account);
                faces.responseComplete(); // the mechanism redirects to the page asked for
            }
            case SUCCESS -> {
                throttle.succeeded(account);
                external.redirect(external.getRequestContextPath() + "/console/index.xhtml");
            }
            default -> {
                throttle.failed(account, address);
                // Soteria keeps the failed attempt in the session, which would answer the next protected request
                // with an empty page instead of the login form: start over with a fresh session
                external.invalidateSession();
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "Wrong email or password", null));
            }
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    /** Whether the sign-in page was opened because the session had ended (?expired=true). */
    private boolean expired;

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
