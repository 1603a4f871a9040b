package org.eticket.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eticket.security.Roles;

/** The database identity store over APP_USER; PBKDF2 hashes carry their own parameters. */
@ApplicationScoped
@DeclareRoles({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER, Roles.STORE, Roles.VENUE, Roles.CUSTOMER})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/eticket",
        callerQuery = "select PASSWORD_HASH from APP_USER where USERNAME = ?",
        groupsQuery = "select ROLE_NAME from APP_USER where USERNAME = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations=210000",
                "Pbkdf2PasswordHash.SaltSizeBytes=32",
                "Pbkdf2PasswordHash.KeySizeBytes=32"})
public class IdentityStoreConfig {
}
