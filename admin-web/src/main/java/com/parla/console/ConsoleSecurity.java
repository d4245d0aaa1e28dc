package com.parla.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Console sign-in: a form on the login page, checked against the staff table (PBKDF2 password hashes); a staff
 * member's role is their only group.
 */
@ApplicationScoped
@DeclareRoles({"PLATFORM_ADMIN", "MERCHANT_ADMIN", "AGENT"})
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/parla",
        callerQuery = "select password_hash from staff_member where email = ?",
        groupsQuery = "select role from staff_member where email = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class ConsoleSecurity {
}
