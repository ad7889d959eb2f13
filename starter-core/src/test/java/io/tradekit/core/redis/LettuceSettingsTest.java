package io.tradekit.core.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LettuceSettingsTest {

    @Test
    void defaultsAreValid() {
        assertThatCode(() -> new LettuceSettings().validate("tradekit.x.redis")).doesNotThrowAnyException();
        assertThatCode(() -> new LettuceSettings(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO)
                .validate("tradekit.x.redis")).doesNotThrowAnyException();
    }

    @Test
    void namesTheFirstBadProperty() {
        assertThatThrownBy(() -> new LettuceSettings(null, Duration.ofSeconds(1), Duration.ZERO).validate("tradekit.x.redis"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("tradekit.x.redis.command-timeout");
        assertThatThrownBy(() -> new LettuceSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO).validate("p"))
                .hasMessageStartingWith("p.connect-timeout must be positive");
        assertThatThrownBy(() -> new LettuceSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-1))
                .validate("p")).hasMessageStartingWith("p.retry-delay");
        assertThatThrownBy(() -> new LettuceSettings(Duration.ofSeconds(-1), Duration.ofSeconds(1), null).validate("p"))
                .hasMessageStartingWith("p.command-timeout");
    }
}
