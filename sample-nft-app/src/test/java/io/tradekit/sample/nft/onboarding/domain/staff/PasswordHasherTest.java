package io.tradekit.sample.nft.onboarding.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final String HASH = PasswordHasher.hash("correct horse");

    @Test
    void verifiesTheRightPasswordOnly() {
        assertThat(HASH).startsWith("pbkdf2-sha256$210000$");
        assertThat(PasswordHasher.verify("correct horse", HASH)).isTrue();
        assertThat(PasswordHasher.verify("correct horsE", HASH)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(PasswordHasher.hash("same")).isNotEqualTo(PasswordHasher.hash("same"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingPasswords(String password) {
        assertThat(PasswordHasher.verify(password, HASH)).isFalse();
    }

    @Test
    void rejectsOversizedPasswordsWithoutHashingThem() {
        assertThat(PasswordHasher.verify("x".repeat(100_000), HASH)).isFalse();
    }

    @Test
    void anUnknownUserNeverVerifies() {
        assertThat(PasswordHasher.verify("dummy-password-for-timing", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$999999999$AAAA$AAAA",
            "md5$1$AAAA$AAAA", "pbkdf2-sha256$1$!!!$AAAA"})
    void rejectsTamperedOrForeignHashes(String stored) {
        assertThat(PasswordHasher.verify("correct horse", stored)).isFalse();
    }
}
