package io.tradekit.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.degrade.BreakerSettings;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.response.SingleResponse;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wrapper with a server name: faults answer SERVICE_UNAVAILABLE, an open breaker refuses before the call. */
class RemoteCallWrapperBreakerTests {

    ServerBreakers breakers;
    RemoteCallSettings settings;

    @BeforeEach
    void install() {
        BreakerSettings breaker = new BreakerSettings();
        breaker.setMinimumCalls(2);
        breaker.setWindowSize(2);
        breaker.setOpenDuration(Duration.ofMinutes(1));
        breakers = new ServerBreakers(breaker);
        settings = new RemoteCallSettings(Duration.ofSeconds(1), 2048, true, RemoteCallMetrics.NONE, true,
                breakers, RemoteFaults::isServerFault);
        RemoteCallSettings.install(settings);
    }

    @AfterEach
    void uninstall() {
        RemoteCallSettings.uninstall(settings);
        breakers.close();
    }

    @Test
    void faultsOpenTheBreakerAndLaterCallsNeverRun() {
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> RemoteCallWrapper.call("goods", r -> {
                ran.incrementAndGet();
                throw new IllegalStateException(new ConnectException("refused"));
            }, "req", "goods.query")).isInstanceOfSatisfying(ServerUnavailableException.class, e -> {
                assertThat(e.isRefused()).isFalse();
                assertThat(e.getServer()).isEqualTo("goods");
                assertThat(e.getCode()).isEqualTo("SERVICE_UNAVAILABLE");
            });
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> RemoteCallWrapper.call("goods", r -> {
                ran.incrementAndGet();
                return SingleResponse.of("never");
            }, "req", "goods.query")).isInstanceOfSatisfying(ServerUnavailableException.class,
                    e -> assertThat(e.isRefused()).isTrue());
        }
        assertThat(ran).hasValue(2);
        assertThat(breakers.breaker("goods").refusedCalls()).isEqualTo(10);
        // Another server's breaker is untouched; a call without a server has none.
        assertThat(RemoteCallWrapper.call("user", r -> SingleResponse.of("u"), "req", "user.query").getData())
                .isEqualTo("u");
        assertThat(RemoteCallWrapper.call(r -> SingleResponse.of("g"), "req", "goods.query").getData()).isEqualTo("g");
    }

    @Test
    void answersAndOtherFailuresNeverOpenIt() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> RemoteCallWrapper.call("goods", r -> SingleResponse.fail("SERVICE_UNAVAILABLE",
                    "redis down"), "req", "goods.query")).isInstanceOf(RemoteCallException.class);
            assertThatThrownBy(() -> RemoteCallWrapper.call("goods", r -> {
                throw new IllegalArgumentException("bug");
            }, "req", "goods.query")).isInstanceOfSatisfying(RemoteCallException.class,
                    e -> assertThat(e.getCode()).isEqualTo("REMOTE_CALL_FAILED"));
        }
        assertThat(breakers.breaker("goods").state()).isEqualTo("CLOSED");
    }
}
