package io.tradekit.devservices.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final List<Long> ONE_TO_TEN_MS = List.of(7_000_000L, 1_000_000L, 10_000_000L, 4_000_000L,
            2_000_000L, 9_000_000L, 3_000_000L, 8_000_000L, 5_000_000L, 6_000_000L);

    @Test
    void nearestRankOfUnsortedNanosInMilliseconds() {
        assertThat(Latencies.percentileMs(ONE_TO_TEN_MS, 50)).isEqualTo(5.0);
        assertThat(Latencies.percentileMs(ONE_TO_TEN_MS, 99)).isEqualTo(10.0);
        assertThat(Latencies.percentileMs(ONE_TO_TEN_MS, 100)).isEqualTo(10.0);
        assertThat(Latencies.percentileMs(ONE_TO_TEN_MS, 1)).isEqualTo(1.0);
        assertThat(Latencies.percentileMs(List.of(1_500_000L), 50)).isEqualTo(1.5);
    }

    @Test
    void noDurationsHaveNoPercentile() {
        assertThat(Latencies.percentileMs(List.of(), 50)).isNaN();
    }

    @Test
    void aPercentOutsideOneToHundredIsRefused() {
        for (int bad : new int[] {0, -1, 101}) {
            assertThatThrownBy(() -> Latencies.percentileMs(ONE_TO_TEN_MS, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percent must be 1 to 100");
        }
    }
}
