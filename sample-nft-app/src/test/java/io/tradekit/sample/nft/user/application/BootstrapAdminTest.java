package io.tradekit.sample.nft.user.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.sample.nft.shared.security.PasswordHasher;
import io.tradekit.sample.nft.user.domain.DuplicateTelephoneException;
import io.tradekit.sample.nft.user.domain.User;
import io.tradekit.sample.nft.user.domain.UserRepository;
import io.tradekit.sample.nft.user.domain.UserRole;
import io.tradekit.sample.nft.user.domain.UserState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The configured admin is created when its phone has no account, kept when it is an admin already,
 * and a customer who registered the phone first is never promoted: start-up fails instead.
 */
class BootstrapAdminTest {

    private static final String PHONE = "13800000001";
    private static final String HASH = new PasswordHasher(10_000).hash("Admin-Pass-2026");

    private final Users users = new Users();
    private MockEnvironment environment = new MockEnvironment();

    @Test
    void createsTheAdminWhenThePhoneHasNoAccount() {
        bootstrap(PHONE, HASH).afterSingletonsInstantiated();
        User admin = users.findByTelephone(PHONE).orElseThrow();
        assertThat(admin.role()).isEqualTo(UserRole.ADMIN);
        assertThat(admin.passwordHash()).isEqualTo(HASH);
        assertThat(new PasswordHasher(10_000).matches("Admin-Pass-2026", admin.passwordHash())).isTrue();
        // A restart finds it and changes nothing.
        bootstrap(PHONE, HASH).afterSingletonsInstantiated();
        assertThat(users.rows).hasSize(1);
    }

    @Test
    void neverPromotesACustomerWhoRegisteredTheConfiguredPhone() {
        users.insert(new User(null, PHONE, HASH, "squatter", UserState.INIT, UserRole.CUSTOMER, null, null, Instant.now()));
        assertThatThrownBy(() -> bootstrap(PHONE, HASH).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("customer account 1")
                .hasMessageNotContaining(PHONE);
        assertThat(users.findByTelephone(PHONE).orElseThrow().role()).isEqualTo(UserRole.CUSTOMER);
    }

    @Test
    void anotherInstanceInsertingFirstIsFine() {
        users.raceWith = new User(null, PHONE, HASH, "admin", UserState.INIT, UserRole.ADMIN, null, null, Instant.now());
        bootstrap(PHONE, HASH).afterSingletonsInstantiated();
        assertThat(users.rows).singleElement().extracting(User::role).isEqualTo(UserRole.ADMIN);
    }

    @Test
    void noTelephoneMeansNoAdmin() {
        bootstrap(null, null).afterSingletonsInstantiated();
        bootstrap("  ", HASH).afterSingletonsInstantiated();
        assertThat(users.rows).isEmpty();
    }

    @Test
    void refusesTheRemovedPropertyAndBadSettingsNamingThem() {
        environment.setProperty("sample.user.admin-telephones", PHONE);
        assertThatThrownBy(() -> bootstrap(PHONE, HASH).afterSingletonsInstantiated())
                .hasMessageContaining("sample.user.admin-telephones");
        environment = new MockEnvironment();
        for (String phone : new String[] {"1380000000", "23800000000", "１３８００００００００", "13800000000\n1",
            "13800000000' OR '1'='1"}) {
            assertThatThrownBy(() -> bootstrap(phone, HASH).afterSingletonsInstantiated()).as(phone)
                    .hasMessageContaining("sample.user.bootstrap-admin.telephone");
        }
        for (String hash : new String[] {null, "", "Admin-Pass-2026", "pbkdf2$1$a$b", HASH + "x",
            HASH.replace("$10000$", "$0$"), HASH.replace("pbkdf2-sha256", "plain")}) {
            assertThatThrownBy(() -> bootstrap(PHONE, hash).afterSingletonsInstantiated()).as(String.valueOf(hash))
                    .hasMessageContaining("sample.user.bootstrap-admin.password-hash");
        }
        assertThat(users.rows).isEmpty();
    }

    @Test
    void thePasswordHashCommandPrintsAHashOfTheTypedPassword() {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("Long-Admin-Pass-1\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            AdminPasswordHash.main(new String[0]);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        String hash = printed.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain("Long-Admin-Pass-1");
        assertThat(new PasswordHasher(10_000).matches("Long-Admin-Pass-1", hash)).isTrue();
        // What it prints is what the bootstrap accepts.
        bootstrap(PHONE, hash).afterSingletonsInstantiated();
        assertThat(users.findByTelephone(PHONE)).isPresent();
    }

    private BootstrapAdmin bootstrap(String telephone, String hash) {
        UserProperties properties = new UserProperties();
        properties.getBootstrapAdmin().setTelephone(telephone);
        properties.getBootstrapAdmin().setPasswordHash(hash);
        return new BootstrapAdmin(users, properties, environment);
    }

    /** An in-memory user table with the phone's unique key, and an optional concurrent insert. */
    private static final class Users implements UserRepository {

        final List<User> rows = new ArrayList<>();
        User raceWith;

        @Override
        public long insert(User user) {
            if (raceWith != null) {
                rows.add(withId(raceWith));
                raceWith = null;
            }
            if (findByTelephone(user.telephone()).isPresent()) {
                throw new DuplicateTelephoneException();
            }
            User stored = withId(user);
            rows.add(stored);
            return stored.id();
        }

        private User withId(User user) {
            return new User((long) rows.size() + 1, user.telephone(), user.passwordHash(), user.nickName(),
                    user.state(), user.role(), user.realName(), user.idCardNo(), user.createdAt());
        }

        @Override
        public Optional<User> findById(long id) {
            return rows.stream().filter(u -> u.id() == id).findFirst();
        }

        @Override
        public Optional<User> findByTelephone(String telephone) {
            return rows.stream().filter(u -> u.telephone().equals(telephone)).findFirst();
        }

        @Override
        public boolean authenticate(long id, String realName, String idCardNo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean freeze(long id) {
            throw new UnsupportedOperationException();
        }
    }
}
