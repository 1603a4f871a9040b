package org.eticket.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eticket.platform.ConflictException;
import org.eticket.platform.ValidationException;

/** Creates and finds logins; passwords are stored only as PBKDF2 hashes. */
@Stateless
public class UserAccountService {

    /** Hash parameters; verification reads them back from each stored hash, so they can be raised later. */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void init() {
        hash.initialize(HASH_PARAMETERS);
    }

    public AppUser create(String username, String password, String role, Long partyId, String displayName) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ValidationException("username \"" + username
                    + "\" must be 3-64 lower-case letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw new ValidationException("password must be 8 to 200 characters");
        }
        if (!Roles.ALL.contains(role)) {
            throw new ValidationException("role \"" + role + "\" is not one of " + Roles.ALL);
        }
        if (find(username).isPresent()) {
            throw new ConflictException("username \"" + username + "\" is already taken");
        }
        AppUser user = new AppUser(username, hash.generate(password.toCharArray()), role, partyId, displayName);
        em.persist(user);
        return user;
    }

    public Optional<AppUser> find(String username) {
        return em.createNamedQuery("AppUser.byUsername", AppUser.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }
}
