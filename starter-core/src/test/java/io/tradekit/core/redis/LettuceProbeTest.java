package io.tradekit.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ScriptOutputType;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.support.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The health probe on the dev Redis: the ping, the scripts Redis holds, failures and bad arguments. */
class LettuceProbeTest {

    private static final RedisScript LOADED = RedisScript.of("return 'probe-loaded-" + System.nanoTime() + "'");
    private static final RedisScript NEVER_RUN = RedisScript.of("return 'probe-never-run-" + System.nanoTime() + "'");

    private static LettuceConnector connector;

    @BeforeAll
    static void connect() {
        connector = new LettuceConnector(RedisClient.create(DevServices.redis().uri()), Duration.ofSeconds(2),
                Duration.ofSeconds(1), true);
    }

    @AfterAll
    static void close() {
        connector.close();
    }

    @Test
    void pingsAndCountsTheScriptsRedisHolds() throws Exception {
        LOADED.eval(connector.sync(), ScriptOutputType.VALUE, new String[0]);
        Map<String, Object> details = LettuceProbe.probe(connector, List.of(LOADED, NEVER_RUN), Duration.ofSeconds(2));
        assertThat(details).containsEntry("ping", "PONG").containsEntry("scriptsLoaded", "1/2");
        assertThat(LettuceProbe.probe(connector, List.of(), Duration.ofSeconds(2))).containsOnlyKeys("ping");
    }

    @Test
    void failsWithTheRedisErrorOnAClosedPortRatherThanHanging() {
        try (LettuceConnector closed = new LettuceConnector(
                RedisClient.create("redis://127.0.0.1:" + FreePorts.next()), Duration.ofMillis(500),
                Duration.ofMillis(100), true)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> LettuceProbe.probe(closed, List.of(LOADED), Duration.ofMillis(500)))
                    .isInstanceOf(RedisConnectionException.class));
        }
    }

    @Test
    void refusesMissingArguments() {
        assertThatThrownBy(() -> LettuceProbe.probe(null, List.of(), Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("connector");
        assertThatThrownBy(() -> LettuceProbe.probe(connector, null, Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("scripts");
        assertThatThrownBy(() -> LettuceProbe.probe(connector, List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
    }
}
