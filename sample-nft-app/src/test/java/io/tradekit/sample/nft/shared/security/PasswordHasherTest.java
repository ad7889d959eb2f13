package io.tradekit.sample.nft.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    private final String hash = hasher.hash("correct horse");

    @Test
    void matchesOnlyTheSamePasswordAndSaltsEveryHash() {
        assertThat(hash).startsWith("pbkdf2-sha256$10000$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
    }

    @Test
    void verifiesHashesMadeWithAnotherIterationCountAndTheEarlierPrefix() {
        assertThat(hasher.matches("pw-12345678", new PasswordHasher(20_000).hash("pw-12345678"))).isTrue();
        String legacy = hash.replaceFirst("^pbkdf2-sha256\\$", "pbkdf2\\$");
        assertThat(hasher.matches("correct horse", legacy)).isTrue();
    }

    @Test
    void anUnknownAccountNeverMatches() {
        byte[] zeros = new byte[32];
        assertThat(hasher.matches("correct horse", null)).isFalse();
        // Not even a password that would derive to the placeholder's bytes: null always fails.
        assertThat(hasher.matches(Base64.getEncoder().encodeToString(zeros), null)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordsNeverMatchAndCannotBeHashed(String password) {
        assertThat(hasher.matches(password, hash)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> hasher.hash(password))
                .withMessageContaining("password must be 1 to 128 characters");
    }

    @Test
    void oversizedPasswordsAreRefusedWithoutHashing() {
        assertThat(hasher.matches("x".repeat(100_000), hash)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> hasher.hash("x".repeat(129)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$999999999$AAAA$AAAA",
        "pbkdf2-sha256$0$AAAA$AAAA", "md5$1$AAAA$AAAA", "pbkdf2-sha256$10000$!!!$AAAA", "pbkdf2$abc$$",
        "pbkdf2-sha256$10000$AAAA$AAAA$extra"})
    void refusesTamperedOrForeignHashes(String stored) {
        assertThat(hasher.matches("correct horse", stored)).isFalse();
    }

    @Test
    void refusesIterationCountsOutsideTheRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHasher(1))
                .withMessageContaining("iterations must be 10000 to 2000000");
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHasher(3_000_000));
    }
}
