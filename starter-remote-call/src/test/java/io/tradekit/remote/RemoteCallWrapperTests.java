package io.tradekit.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.remote.micrometer.MicrometerRemoteCallMetrics;
import io.tradekit.facade.support.CapturedLogs;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RemoteCallWrapper without Spring: checks, exceptions, logging, metrics. */
class RemoteCallWrapperTests {

    private CapturedLogs logs;

    @BeforeEach
    void capture() {
        logs = CapturedLogs.of(RemoteCallLogger.LOGGER_NAME);
    }

    @AfterEach
    void release() {
        logs.close();
        RemoteCallSettings.uninstall(RemoteCallSettings.current());
    }

    @Test
    void successfulResponseIsReturnedAndLoggedOnce() {
        SingleResponse<String> response = RemoteCallWrapper.call(req -> SingleResponse.of("u-" + req), "7", "queryUser");
        assertThat(response.getData()).isEqualTo("u-7");
        ILoggingEvent line = logs.single("call=queryUser");
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).matches("call=queryUser success=true code=SUCCESS elapsedMs=\\d+ "
                + "request=\"7\" response=\\{.*\"data\":\"u-7\".*\\}");
    }

    @Test
    void failedResponseThrowsWithTheRemoteCodeAndMessageAsFields() {
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> SingleResponse.fail("STOCK_EMPTY", "sold out"), "x",
                "deduct")).isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("REMOTE_CALL_FAILED");
                    assertThat(e.getRemoteCode()).isEqualTo("STOCK_EMPTY");
                    assertThat(e.getRemoteMessage()).isEqualTo("sold out");
                    assertThat(e.getRequestName()).isEqualTo("deduct");
                    assertThat(e.getMessage()).doesNotContain("{");
                });
        assertThat(logs.single("call=deduct").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void nullResponseThrows() {
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> null, "x", "nothing"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> assertThat(e.getRemoteCode()).isNull())
                .hasMessageContaining("returned no response");
    }

    @Test
    void uncheckedResponseIsReturnedAsIs() {
        SingleResponse<String> failed = RemoteCallWrapper.call(req -> SingleResponse.fail("X", "y"), "r", "lenient", false);
        assertThat(failed.getCode()).isEqualTo("X");
        assertThat(RemoteCallWrapper.<String, String>call(req -> null, "r", "lenient", false)).isNull();
        assertThat(RemoteCallWrapper.call(String::length, "abc", "notAResponse")).isEqualTo(3);
    }

    @Test
    void exceptionBecomesRemoteCallFailedWithTheCauseAndNoRetry() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("connection reset");
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> {
            calls.incrementAndGet();
            throw boom;
        }, "r", "flaky")).isInstanceOfSatisfying(RemoteCallException.class, e -> {
            assertThat(e.getCode()).isEqualTo("REMOTE_CALL_FAILED");
            assertThat(e.getCause()).isSameAs(boom);
            assertThat(e.getRemoteCode()).isNull();
        });
        assertThat(calls.get()).isEqualTo(1);
        ILoggingEvent line = logs.single("call=flaky");
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getFormattedMessage()).contains("error=java.lang.IllegalStateException");
    }

    @Test
    void nestedRemoteCallExceptionPassesThroughUnwrapped() {
        RemoteCallException inner = new RemoteCallException("inner", "A", "b");
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> {
            throw inner;
        }, "r", "outer")).isSameAs(inner);
    }

    @Test
    void nullFunctionIsRejected() {
        assertThatThrownBy(() -> RemoteCallWrapper.call(null, "r", "name")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("function");
    }

    @Test
    void nullBlankOversizedAndHostileNamesAreSafe() {
        Function<String, String> echo = req -> req;
        RemoteCallWrapper.call(echo, "a", null);
        RemoteCallWrapper.call(echo, "b", "  ");
        RemoteCallWrapper.call(echo, "c", "n".repeat(10_000));
        RemoteCallWrapper.call(echo, "d", "x\r\ncall=forged success=true #{T(Runtime)}");
        assertThat(logs.messages()).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("\r", "\n"));
        assertThat(logs.messages().get(0)).startsWith("call=unnamed ");
        assertThat(logs.messages().get(1)).startsWith("call=unnamed ");
        assertThat(logs.messages().get(2)).startsWith("call=" + "n".repeat(200) + " ");
        assertThat(logs.messages().get(3)).startsWith("call=x\\r\\ncall=forged success=true #{T(Runtime)} ");
    }

    @Test
    void nullRequestIsLogged() {
        assertThat(RemoteCallWrapper.call(req -> SingleResponse.of("ok"), null, "noArg").getData()).isEqualTo("ok");
        assertThat(logs.single("call=noArg").getFormattedMessage()).contains("request=null");
    }

    @Test
    void sensitiveValuesAreMaskedAndPayloadsCapped() {
        CreateOrderRequest request = CreateOrderRequest.valid();
        request.setNote("z".repeat(50_000) + "\r\n");
        RemoteCallWrapper.call(req -> SingleResponse.of(req.getMobile().length()), request, "create");
        String line = logs.single("call=create").getFormattedMessage();
        assertThat(line).doesNotContain("13812345678", "11010519491231002X", "\r", "\n").contains("truncated");
        assertThat(CapturedLogs.RAW_MOBILE.matcher(line).find()).isFalse();
        assertThat(CapturedLogs.RAW_ID_CARD.matcher(line).find()).isFalse();
        assertThat(line.length()).isLessThan(2 * 2048 + 300);
    }

    @Test
    void installedSettingsRecordTheTimerAndDecideTheSlowLevel() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RemoteCallSettings.install(new RemoteCallSettings(Duration.ZERO, 100, false,
                new MicrometerRemoteCallMetrics(registry), true));
        RemoteCallWrapper.call(req -> SingleResponse.of("ok"), "r", "timed");
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> SingleResponse.fail("NO", "no"), "r", "timed"));
        Timer ok = registry.find("tradekit.remote-call.calls").tags("call", "timed", "success", "true", "code", "SUCCESS").timer();
        Timer failed = registry.find("tradekit.remote-call.calls").tags("call", "timed", "success", "false", "code", "NO").timer();
        assertThat(ok).isNotNull();
        assertThat(ok.count()).isEqualTo(1);
        assertThat(failed).isNotNull();
        assertThat(failed.count()).isEqualTo(1);
        assertThat(logs.events()).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
        assertThat(logs.messages().get(0)).doesNotContain("request=");
    }

    @Test
    void uninstallKeepsALaterInstall() {
        RemoteCallSettings first = new RemoteCallSettings(Duration.ofSeconds(1), 10, true, RemoteCallMetrics.NONE, true);
        RemoteCallSettings second = new RemoteCallSettings(Duration.ofSeconds(2), 10, true, RemoteCallMetrics.NONE, true);
        RemoteCallSettings.install(first);
        RemoteCallSettings.install(second);
        RemoteCallSettings.uninstall(first);
        assertThat(RemoteCallSettings.current()).isSameAs(second);
        RemoteCallSettings.uninstall(second);
        assertThat(RemoteCallSettings.current()).isSameAs(RemoteCallSettings.DEFAULTS);
    }

    @Test
    void uninstallingTheLatestBringsBackTheOneInstalledBefore() {
        // A second context (a test's, a provider's) starting and closing in the JVM of a first one.
        RemoteCallSettings application = new RemoteCallSettings(Duration.ofSeconds(1), 10, true, RemoteCallMetrics.NONE, true);
        RemoteCallSettings other = new RemoteCallSettings(Duration.ofSeconds(2), 10, true, RemoteCallMetrics.NONE, true);
        RemoteCallSettings.install(application);
        RemoteCallSettings.install(other);
        RemoteCallSettings.uninstall(other);
        assertThat(RemoteCallSettings.current()).isSameAs(application);
        RemoteCallSettings.uninstall(application);
        assertThat(RemoteCallSettings.current()).isSameAs(RemoteCallSettings.DEFAULTS);
    }

    @Test
    void wrappingFlagIsSetOnlyDuringTheCall() {
        assertThat(RemoteCallWrapper.isWrapping()).isFalse();
        Boolean inside = RemoteCallWrapper.call(req -> RemoteCallWrapper.isWrapping(), "r", "flag");
        assertThat(inside).isTrue();
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> {
            throw new IllegalStateException();
        }, "r", "flag"));
        assertThat(RemoteCallWrapper.isWrapping()).isFalse();
    }

    @Test
    void remoteMessageIsEscapedAndBoundedInTheExceptionMessage() {
        String hostile = "bad\r\nline " + "m".repeat(5000);
        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> failure("C\nX", hostile), "r", "hostile"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.getRemoteMessage()).isEqualTo(hostile);
                    assertThat(e.getMessage()).doesNotContain("\r", "\n").hasSizeLessThan(1200);
                });
    }

    private static BaseResponse failure(String code, String message) {
        BaseResponse response = new BaseResponse();
        response.markFailure(code, message);
        return response;
    }
}
