package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DistributeLockSpecTests {

    @Test
    void acceptsTheDefaultsAndPositiveValues() {
        DistributeLockSpec spec = new DistributeLockSpec("ORDER_CREATE", DistributeLockConstant.DEFAULT_EXPIRE_TIME,
                DistributeLockConstant.DEFAULT_WAIT_TIME);
        assertThat(spec.scene()).isEqualTo("ORDER_CREATE");
        assertThat(new DistributeLockSpec("S", 1, 0).waitTime()).isZero();
        assertThat(new DistributeLockSpec("S".repeat(DistributeLockSpec.MAX_SCENE_LENGTH), 5000, 200).expireTime())
                .isEqualTo(5000);
    }

    @Test
    void rejectsNullBlankBracedOversizedAndControlCharacterScenes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec(null, -1, -1))
                .withMessageContaining("scene").withMessageContaining("null");
        for (String blank : new String[] {"", " ", "\t\n"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec(blank, -1, -1))
                    .withMessageContaining("blank");
        }
        for (String braced : new String[] {"A{B", "A}B", "{", "k}{other"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec(braced, -1, -1))
                    .withMessageContaining("'{'");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DistributeLockSpec("S".repeat(DistributeLockSpec.MAX_SCENE_LENGTH + 1), -1, -1))
                .withMessageContaining("at most 128");
        assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec("x".repeat(1_000_000), -1, -1))
                .withMessageNotContaining("xxxx");
        for (String forged : new String[] {"ORDER\r\nINFO forged", "A\u0000B", "A\u007fB"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec(forged, -1, -1))
                    .withMessageContaining("control").withMessageNotContaining("forged");
        }
    }

    @Test
    void rejectsAZeroOrTooNegativeLeaseAndATooNegativeWait() {
        for (int expire : new int[] {0, -2, Integer.MIN_VALUE}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec("S", expire, -1))
                    .withMessageContaining("expireTime").withMessageContaining(String.valueOf(expire));
        }
        for (int wait : new int[] {-2, Integer.MIN_VALUE}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DistributeLockSpec("S", -1, wait))
                    .withMessageContaining("waitTime").withMessageContaining(String.valueOf(wait));
        }
        assertThat(new DistributeLockSpec("S", Integer.MAX_VALUE, Integer.MAX_VALUE).expireTime())
                .isEqualTo(Integer.MAX_VALUE);
    }
}
