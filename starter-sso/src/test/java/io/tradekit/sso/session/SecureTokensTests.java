package io.tradekit.sso.session;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecureTokensTests {

    @Test
    void tokensAre256BitBase64UrlAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = SecureTokens.next();
            assertThat(SecureTokens.isWellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void malformedValuesAreRecognised() {
        assertThat(SecureTokens.isWellFormed(null)).isFalse();
        assertThat(SecureTokens.isWellFormed("")).isFalse();
        assertThat(SecureTokens.isWellFormed("a".repeat(42))).isFalse();
        assertThat(SecureTokens.isWellFormed("a".repeat(44))).isFalse();
        assertThat(SecureTokens.isWellFormed("a".repeat(42) + "*")).isFalse();
        assertThat(SecureTokens.isWellFormed("a".repeat(42) + "\n")).isFalse();
    }
}
