package io.tradekit.devservices.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevServersOptionsTest {

    @Test
    void defaultsWithoutArguments() {
        DevServersOptions options = DevServersOptions.parse(new String[0]);

        assertThat(options.file()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "tradekit-dev-servers.properties").toAbsolutePath());
        assertThat(options.topics()).isEmpty();
        assertThat(options.transactionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(options.transactionCheckMax()).as("RocketMQ's default").isEqualTo(15);
        assertThat(options.database()).isEqualTo("tradekit");
        assertThat(options.exitOnStdinEof()).isFalse();
        assertThat(options.redisCluster()).as("one Redis unless asked").isFalse();
    }

    @Test
    void readsEveryOption() {
        DevServersOptions options = DevServersOptions.parse(new String[] {"--file", "/tmp/x.properties",
            "--topics", "a, b,,", "--transaction-timeout", "500ms", "--transaction-check-interval", "PT2S",
            "--transaction-check-max", "60",
            "--database", "nft", "--h2-options", "MODE=MySQL", "--exit-on-stdin-eof", "true",
            "--redis", "cluster"});

        assertThat(options.file()).isEqualTo(Path.of("/tmp/x.properties"));
        assertThat(options.topics()).isEqualTo(List.of("a", "b"));
        assertThat(options.transactionTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.transactionCheckInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.transactionCheckMax()).isEqualTo(60);
        assertThat(options.database()).isEqualTo("nft");
        assertThat(options.h2Options()).isEqualTo("MODE=MySQL");
        assertThat(options.exitOnStdinEof()).isTrue();
        assertThat(options.redisCluster()).isTrue();
        assertThat(DevServersOptions.parse(new String[] {"--redis", "standalone"}).redisCluster()).isFalse();
    }

    @Test
    void refusesBadInputNamingIt() {
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--file"}))
                .hasMessageContaining("--name value pairs");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--nope", "1"}))
                .hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--transaction-timeout", "soon"}))
                .hasMessageContaining("--transaction-timeout expects a duration");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--transaction-timeout", ""}))
                .hasMessageContaining("--transaction-timeout expects a duration");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--transaction-check-max", "0"}))
                .hasMessageContaining("--transaction-check-max expects a positive number");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--database", "x;DROP ALL OBJECTS"}))
                .hasMessageContaining("--database must match");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--database", "a".repeat(65)}))
                .hasMessageContaining("--database must match");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--exit-on-stdin-eof", "yes"}))
                .hasMessageContaining("--exit-on-stdin-eof expects true or false");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--redis", "sentinel"}))
                .hasMessageContaining("--redis expects standalone or cluster");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--redis-aof", "on"}))
                .hasMessageContaining("--redis-aof expects true or false");
        assertThatThrownBy(() -> DevServersOptions.parse(new String[] {"--redis", "cluster", "--redis-aof", "true"}))
                .hasMessageContaining("--redis-aof true needs --redis standalone");
    }

    @Test
    void redisAofIsOffUnlessAskedFor() {
        assertThat(DevServersOptions.parse(new String[] {}).redisAof()).isFalse();
        assertThat(DevServersOptions.parse(new String[] {"--redis-aof", "true"}).redisAof()).isTrue();
    }
}
