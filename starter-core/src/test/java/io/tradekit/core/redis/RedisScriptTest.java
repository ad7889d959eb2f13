package io.tradekit.core.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.support.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripts run by EVALSHA survive a SCRIPT FLUSH, and the shared connection fails fast while Redis is away. */
class RedisScriptTest {

    private static final RedisScript ECHO_SUM = RedisScript.of(
            "return redis.call('INCRBY', KEYS[1], tonumber(ARGV[1]))");

    private static LettuceConnector connector;

    @BeforeAll
    static void connect() {
        RedisDevService redis = DevServices.redis();
        connector = new LettuceConnector(RedisClient.create(redis.uri()), Duration.ofSeconds(2),
                Duration.ofSeconds(1), true);
    }

    @AfterAll
    static void close() {
        connector.close();
    }

    @Test
    void shaIsTheSha1RedisUses() {
        String loaded = connector.sync().scriptLoad(ECHO_SUM.text());
        assertThat(ECHO_SUM.sha()).isEqualTo(loaded).hasSize(40);
    }

    @Test
    void evalReloadsTheScriptAfterAFlush() {
        connector.sync().del("core:redis:sum");
        connector.sync().scriptFlush();
        Long first = ECHO_SUM.eval(connector.sync(), ScriptOutputType.INTEGER, new String[] {"core:redis:sum"}, "5");
        Long second = ECHO_SUM.eval(connector.sync(), ScriptOutputType.INTEGER, new String[] {"core:redis:sum"}, "2");
        assertThat(first).isEqualTo(5L);
        assertThat(second).isEqualTo(7L);
    }

    @Test
    void evalAsyncReloadsTheScriptAfterAFlush() throws Exception {
        connector.sync().del("core:redis:async");
        connector.sync().scriptFlush();
        Long value = ECHO_SUM.<Long>evalAsync(connector.async(), ScriptOutputType.INTEGER,
                new String[] {"core:redis:async"}, "3").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(value).isEqualTo(3L);
    }

    @Test
    void evalAsyncReportsOtherErrorsAsTheyAre() {
        assertThatThrownBy(() -> ECHO_SUM.<Long>evalAsync(connector.async(), ScriptOutputType.INTEGER,
                new String[] {"core:redis:bad"}, "not-a-number").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RedisException.class);
    }

    @Test
    void anUnreachableRedisFailsAtOnceDuringTheRetryDelay() {
        int port = FreePorts.next();
        try (LettuceConnector down = new LettuceConnector(RedisClient.create("redis://127.0.0.1:" + port),
                Duration.ofMillis(500), Duration.ofMinutes(5), true)) {
            assertThatThrownBy(down::sync).isInstanceOf(RedisException.class);
            assertThatThrownBy(down::sync).isInstanceOf(RedisException.class).hasMessageContaining("not connected");
        }
    }

    @Test
    void aClosedConnectorRefusesCommands() {
        LettuceConnector closed = new LettuceConnector(RedisClient.create(DevServices.redis().uri()),
                Duration.ofSeconds(1), Duration.ZERO, true);
        assertThat(closed.sync().ping()).isEqualTo("PONG");
        closed.close();
        closed.close();
        assertThatThrownBy(closed::sync).isInstanceOf(RedisException.class).hasMessageContaining("closed");
    }
}
