package io.tradekit.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.support.CapturedLogs;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The starter as an application gets it, without any RPC framework running: the wrapper follows
 * {@code tradekit.remote-call.*}, checks responses and turns a failing call into a
 * {@link RemoteCallException}. Dubbo and the dev services are on the test classpath for other
 * tests and switched off here.
 */
@DirtiesContext // closes the context after the class: it installs JVM-wide settings
@SpringBootTest(properties = {"dubbo.enabled=false", "tradekit.dev-services.enabled=false",
        "tradekit.remote-call.max-payload-length=40", "tradekit.remote-call.slow-threshold=5m"})
class RemoteCallSpringBootTests {

    @Autowired
    private RemoteCallSettings settings;

    private CapturedLogs logs;

    @BeforeEach
    void capture() {
        logs = CapturedLogs.of(RemoteCallLogger.LOGGER_NAME);
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void theApplicationsPropertiesAreTheWrappersSettings() {
        assertThat(RemoteCallSettings.current()).isSameAs(settings);
        assertThat(settings.getSlowThreshold()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.getMaxPayloadLength()).isEqualTo(40);
    }

    @Test
    void successfulCallIsReturnedAndLoggedWithItsPayloadCut() {
        String data = "d".repeat(500);
        SingleResponse<String> response = RemoteCallWrapper.call(req -> SingleResponse.of(data), "u-1", "queryUser");
        assertThat(response.getData()).isEqualTo(data);
        String line = logs.single("call=queryUser success=true code=SUCCESS").getFormattedMessage();
        assertThat(line).contains("truncated").doesNotContain(data);
    }

    @Test
    void failedResponseAndFailingCallBecomeRemoteCallExceptions() {
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> SingleResponse.fail("STOCK_EMPTY", "sold out"), "i-1",
                "deduct")).isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.getRemoteCode()).isEqualTo("STOCK_EMPTY"));
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> {
            throw new IllegalStateException(new ConnectException("Connection refused"));
        }, "i-1", "deduct")).isInstanceOfSatisfying(RemoteCallException.class, e -> {
            assertThat(e.getCode()).isEqualTo("REMOTE_CALL_FAILED");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        });
        assertThat(logs.messages()).hasSize(2);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
