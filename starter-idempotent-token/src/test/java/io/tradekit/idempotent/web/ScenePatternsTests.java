package io.tradekit.idempotent.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Scene selection follows the servlet container's precedence: exact, longest prefix, extension. */
class ScenePatternsTests {

    private final ScenePatterns patterns = new ScenePatterns(List.of(
            new ScenePattern("/trade/*", "trade"),
            new ScenePattern("/trade/pay/*", "pay"),
            new ScenePattern("/trade/buy", "orderList"),
            new ScenePattern("*.do", "legacy")));

    @Test
    void exactBeatsPrefixAndLongerPrefixBeatsShorter() {
        assertThat(patterns.sceneFor("/trade/buy")).isEqualTo("orderList");
        assertThat(patterns.sceneFor("/trade/pay/123")).isEqualTo("pay");
        assertThat(patterns.sceneFor("/trade/pay")).isEqualTo("pay");
        assertThat(patterns.sceneFor("/trade/sell")).isEqualTo("trade");
        assertThat(patterns.sceneFor("/trade/buy.do")).isEqualTo("trade");
        assertThat(patterns.sceneFor("/old/buy.do")).isEqualTo("legacy");
    }

    @Test
    void unrelatedPathsMatchNothing() {
        assertThat(patterns.sceneFor("/tradex/buy")).isNull();
        assertThat(patterns.sceneFor("/")).isNull();
        assertThat(patterns.sceneFor("/other.doc")).isNull();
    }

    @Test
    void rejectsWhatIsNotAServletPattern() {
        for (String pattern : List.of("", "trade/buy", "/trade/*/buy", "/trade*", "*.", "**.do", "*/x.do")) {
            assertThatIllegalArgumentException().as(pattern).isThrownBy(() -> new ScenePattern(pattern, "s"));
        }
    }
}
