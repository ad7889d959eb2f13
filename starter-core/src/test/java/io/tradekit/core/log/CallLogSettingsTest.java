package io.tradekit.core.log;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallLogSettingsTest {

    @Test
    void defaultsAndEdgesAreValid() {
        CallLogSettings settings = new CallLogSettings();
        assertThatCode(() -> settings.validate("tradekit.facade")).doesNotThrowAnyException();
        settings.setSlowThreshold(Duration.ZERO);
        settings.setMaxPayloadLength(1);
        assertThatCode(() -> settings.validate("tradekit.facade")).doesNotThrowAnyException();
    }

    @Test
    void namesTheBadProperty() {
        CallLogSettings settings = new CallLogSettings();
        settings.setSlowThreshold(null);
        assertThatThrownBy(() -> settings.validate("tradekit.facade"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("tradekit.facade.slow-threshold");
        settings.setSlowThreshold(Duration.ofMillis(-1));
        assertThatThrownBy(() -> settings.validate("tradekit.facade")).hasMessageStartingWith("tradekit.facade.slow-threshold");
        settings.setSlowThreshold(Duration.ofSeconds(1));
        settings.setMaxPayloadLength(0);
        assertThatThrownBy(() -> settings.validate("tradekit.remote-call"))
                .hasMessageStartingWith("tradekit.remote-call.max-payload-length must be at least 1");
    }
}
