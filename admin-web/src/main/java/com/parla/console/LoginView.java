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
import java.util.Locale;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The login form and sign-out. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @NotBlank
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        UsernamePasswordCredential credential =
                new UsernamePasswordCredential(email.trim().toLowerCase(Locale.ROOT), password);
        AuthenticationStatus status = securityContext.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete(); // the mechanism redirects to the page asked for
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/console/index.xhtml");
            default -> {
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
