package io.tradekit.cache.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RemoteClientTests {

    @Test
    void unsetIsRedissonAndNamesIgnoreCaseAndBlanks() {
        assertThat(RemoteClient.parse(null)).isEqualTo(RemoteClient.REDISSON);
        assertThat(RemoteClient.parse("lettuce")).isEqualTo(RemoteClient.LETTUCE);
        assertThat(RemoteClient.parse(" Lettuce\t")).isEqualTo(RemoteClient.LETTUCE);
        assertThat(RemoteClient.parse("REDISSON")).isEqualTo(RemoteClient.REDISSON);
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedValuesAndAShortSanitizedEcho() {
        for (String bad : new String[] {"", " ", "jedis", "lettuce5", "redisson lettuce", "\u0000"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> RemoteClient.parse(bad))
                    .withMessageContaining("tradekit.cache.remote.client must be one of redisson, lettuce");
        }
        String hostile = "lettuce\r\nINFO forged" + "x".repeat(10_000);
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteClient.parse(hostile))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\r", "\n"));
    }
}
