package io.tradekit.sample.nft.user.application;

import io.tradekit.sample.nft.user.domain.DuplicateTelephoneException;
import io.tradekit.sample.nft.user.domain.User;
import io.tradekit.sample.nft.user.domain.UserRepository;
import io.tradekit.sample.nft.user.domain.UserRole;
import io.tradekit.sample.nft.user.domain.UserState;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the configured admin ({@code sample.user.bootstrap-admin.*}: a phone and a password
 * hash) when its phone has no account yet. Admins come from configuration only: registering a phone
 * never grants {@code ADMIN}, and an existing customer account with the configured phone is never
 * promoted — start-up fails instead, since whoever registered it first would otherwise own the admin.
 *
 * <p>Runs once all singletons exist and before the web server starts (so no registration can race
 * it); several instances starting at once insert one account (the phone's unique key).
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

    static final String REMOVED_PROPERTY = "sample.user.admin-telephones";

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final Pattern HASH =
            Pattern.compile("pbkdf2-sha256\\$[1-9][0-9]{4,6}\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");

    private final UserRepository users;
    private final UserProperties.BootstrapAdmin settings;
    private final Environment environment;

    BootstrapAdmin(UserRepository users, UserProperties properties, Environment environment) {
        this.users = users;
        this.settings = properties.getBootstrapAdmin();
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.containsProperty(REMOVED_PROPERTY)) {
            throw new IllegalStateException(REMOVED_PROPERTY + " is no longer read (registering a phone never "
                    + "grants ADMIN): remove it and set sample.user.bootstrap-admin.telephone and .password-hash");
        }
        String telephone = settings.getTelephone() == null ? "" : settings.getTelephone().strip();
        if (telephone.isEmpty()) {
            log.info("No bootstrap admin configured (sample.user.bootstrap-admin.telephone is empty)");
            return;
        }
        try {
            UserCommandService.requireTelephone(telephone);
        } catch (RuntimeException e) {
            throw new IllegalStateException("sample.user.bootstrap-admin.telephone must be an 11-digit mainland "
                    + "mobile number");
        }
        String hash = settings.getPasswordHash() == null ? "" : settings.getPasswordHash().strip();
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalStateException("sample.user.bootstrap-admin.password-hash must be a "
                    + "pbkdf2-sha256$<iterations>$<salt>$<hash> value as printed by AdminPasswordHash");
        }
        ensureAdmin(telephone, hash);
    }

    private void ensureAdmin(String telephone, String hash) {
        Optional<User> existing = users.findByTelephone(telephone);
        if (existing.isEmpty()) {
            try {
                long id = users.insert(new User(null, telephone, hash, "admin", UserState.INIT, UserRole.ADMIN,
                        null, null, Instant.now()));
                log.info("Bootstrap admin created as user {}", id);
                return;
            } catch (DuplicateTelephoneException raced) {
                existing = users.findByTelephone(telephone);
            }
        }
        User user = existing.orElseThrow(() -> new IllegalStateException("the bootstrap admin's account vanished"));
        if (user.role() != UserRole.ADMIN) {
            throw new IllegalStateException("sample.user.bootstrap-admin.telephone belongs to customer account "
                    + user.id() + ", which is not promoted (it was registered, not configured): configure "
                    + "another phone for the admin");
        }
    }
}
