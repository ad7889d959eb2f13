package io.tradekit.sso.session;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.RedisClusterClient;
import io.tradekit.devservices.support.FreePorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lettuce check client refuses what cannot work and fails closed. */
class LettuceTokenCheckScriptTests {

    @Test
    void aRedisClusterIsRefusedAtStartUp() {
        RedisClusterClient cluster = RedisClusterClient.create("redis://127.0.0.1:" + FreePorts.next());
        assertThatThrownBy(() -> new LettuceTokenCheckScript(cluster, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tradekit.sso.session.check-client=lettuce")
                .hasMessageContaining("Cluster");
    }

    @Test
    void anUnreachableRedisFailsTheCheckInsteadOfLettingItThrough() {
        // Nothing listens on this port: the check throws, so the request fails (never "logged in").
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + FreePorts.next());
        try (LettuceTokenCheckScript script = new LettuceTokenCheckScript(client, Duration.ofSeconds(1), Duration.ZERO)) {
            assertThatThrownBy(() -> script.run(new String[] {"t:login:token:x", "t:login:last-active:x"},
                    new String[] {"1", "1800", "0", "1"}))
                    .isInstanceOf(RedisException.class);
        }
    }
}
