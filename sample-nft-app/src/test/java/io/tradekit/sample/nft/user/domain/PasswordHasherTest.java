package io.tradekit.sample.nft.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void matchesOnlyTheSamePasswordAndSaltsEveryHash() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("pbkdf2$10000$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
    }

    @Test
    void verifiesHashesMadeWithAnotherIterationCount() {
        String old = new PasswordHasher(20_000).hash("pw-12345678");
        assertThat(hasher.matches("pw-12345678", old)).isTrue();
    }

    @Test
    void refusesMalformedStoredHashesAndNulls() {
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matches(null, hasher.hash("x"))).isFalse();
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2$abc$$")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2$10000$!!!$???")).isFalse();
        assertThat(hasher.matches("x", "md5$1$a$b")).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
