package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockKeysTests {

    @Test
    void lockAndFenceKeysShareTheHashTag() {
        assertThat(LockKeys.lockKey("p:", "S", "k")).isEqualTo("p:{S#k}");
        assertThat(LockKeys.fenceKey("p:{S#k}")).isEqualTo("p:{S#k}:fence");
    }

    @Test
    void describeNeverShowsTheRawKeyAndEscapesLineBreaks() {
        String described = LockKeys.describe("USER\r\nREGISTER", "13812345678\r\nforged");
        assertThat(described).doesNotContain("13812345678").doesNotContain("\r").doesNotContain("\n")
                .startsWith("USER\\r\\nREGISTER#sha256:").hasSize("USER\\r\\nREGISTER#sha256:".length() + 12);
        assertThat(LockKeys.digest("a")).isEqualTo(LockKeys.digest("a")).isNotEqualTo(LockKeys.digest("b"));
        assertThat(LockKeys.digest(null)).isEqualTo("null");
    }
}
