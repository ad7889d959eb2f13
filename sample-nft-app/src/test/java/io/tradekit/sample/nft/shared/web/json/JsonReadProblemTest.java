package io.tradekit.sample.nft.shared.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client-facing description of unreadable bodies: a tame field path, never the input. */
class JsonReadProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesNestedPathsWithIndexes() {
        Throwable e = catchThrowable(() -> json.readValue("{\"items\":[1,\"x\"]}",
                new TypeReference<Map<String, List<Integer>>>() { }));
        assertThat(JsonReadProblem.describe(e)).isEqualTo("items[1] has the wrong type: expected an integer number");
    }

    @Test
    void keysAClientInventedAreNeverEchoed() {
        for (String key : new String[] {"<script>", "a b", "\\u2028", "x".repeat(65), "１２"}) {
            Throwable e = catchThrowable(() -> json.readValue("{\"" + key + "\":\"x\"}",
                    new TypeReference<Map<String, Integer>>() { }));
            assertThat(JsonReadProblem.describe(e)).as(key).isEqualTo(JsonReadProblem.MALFORMED);
        }
    }

    @Test
    void malformedNullAndForeignCausesAreJustMalformed() {
        assertThat(JsonReadProblem.describe(null)).isEqualTo(JsonReadProblem.MALFORMED);
        assertThat(JsonReadProblem.describe(new IllegalStateException("secret 123"))).isEqualTo(JsonReadProblem.MALFORMED);
        Throwable e = catchThrowable(() -> json.readValue("{\"a\":", Map.class));
        assertThat(JsonReadProblem.describe(e)).isEqualTo(JsonReadProblem.MALFORMED);
        Throwable deep = catchThrowable(() -> json.readValue("{\"a\":" + "{\"a\":".repeat(60) + "1" + "}".repeat(61),
                new TypeReference<Map<String, Integer>>() { }));
        assertThat(JsonReadProblem.describe(deep)).isEqualTo("a has the wrong type: expected an integer number");
    }
}
