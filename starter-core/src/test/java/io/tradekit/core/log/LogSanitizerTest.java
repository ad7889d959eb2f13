package io.tradekit.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSanitizerTest {

    @Test
    void escapesCrLfAndTab() {
        assertThat(LogSanitizer.escape("a\r\nb\tc")).isEqualTo("a\\r\\nb\\tc");
    }

    @Test
    void preventsAForgedLogLine() {
        String forged = "alice\n2024-01-01 12:00:00 INFO  [main] Login succeeded user=admin";

        String escaped = LogSanitizer.escape(forged);

        assertThat(escaped).doesNotContain("\n", "\r")
                .isEqualTo("alice\\n2024-01-01 12:00:00 INFO  [main] Login succeeded user=admin");
    }

    @Test
    void escapesOtherControlAndLineSeparatorCharactersAsUnicode() {
        assertThat(LogSanitizer.escape("a\u0000b\u001bc\u007fd\u0085e\u2028f\u2029g"))
                .isEqualTo("a\\u0000b\\u001bc\\u007fd\\u0085e\\u2028f\\u2029g");
    }

    @Test
    void escapesTheBackslashSoThatEscapesStayUnambiguous() {
        assertThat(LogSanitizer.escape("typed \\n, real \n")).isEqualTo("typed \\\\n, real \\n");
    }

    @Test
    void returnsACleanValueUnchanged() {
        String clean = "订单 42 😀 ${jndi:ldap://x} \"quoted\"";

        assertThat(LogSanitizer.escape(clean)).isSameAs(clean);
    }

    @Test
    void keepsNullAndEmpty() {
        assertThat(LogSanitizer.escape(null)).isNull();
        assertThat(LogSanitizer.escape("")).isEmpty();
    }
}
