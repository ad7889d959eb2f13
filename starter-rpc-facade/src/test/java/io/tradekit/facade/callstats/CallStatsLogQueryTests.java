package io.tradekit.facade.callstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The log queries of docs/observability.md, run exactly as written there (jq, grep, awk) on the log of
 * a real run, give the endpoint's numbers: counts and success rates equal, averages within the 1 ms the
 * log's whole milliseconds lose. Fails, never skips, without jq (.ci/run installs it).
 */
@ExtendWith(OutputCaptureExtension.class)
class CallStatsLogQueryTests {

    static final Path DOC = Path.of("..", "docs", "observability.md");
    @TempDir
    Path dir;

    @BeforeEach
    void clearBootLoggingProperties() {
        LogbackReset.clearBootProperties();
    }

    @AfterEach
    void restoreTestLogging() throws Exception {
        LogbackReset.restore();
    }

    @Test
    void theJqQueryOverJsonLinesGivesTheEndpointsNumbers(CapturedOutput output) throws Exception {
        Map<String, CallStats> endpoint = driveCalls("logging.config=classpath:boot-structured-console.xml",
                "logging.structured.format.console=ecs");
        Files.writeString(dir.resolve("app.log"), output.getOut(), StandardCharsets.UTF_8);

        Map<String, double[]> fromLog = new TreeMap<>();
        for (JsonNode row : StructuredFacadeLogTests.jsonLines(run(query("facade-json")))) {
            fromLog.put(row.path("call").asText(), new double[] {row.path("count").asDouble(),
                row.path("avgMs").asDouble(), row.path("successRate").asDouble()});
        }
        assertAgree(endpoint, fromLog);
    }

    @Test
    void theAwkQueryOverPlainLinesGivesTheEndpointsNumbers(CapturedOutput output) throws Exception {
        Map<String, CallStats> endpoint = driveCalls("logging.config=classpath:boot-plain-console.xml",
                "logging.pattern.correlation=[%X{traceId:-}] ");
        Files.writeString(dir.resolve("app.log"), output.getOut(), StandardCharsets.UTF_8);

        Pattern row = Pattern.compile("^(\\S+) count=(\\d+) avgMs=([0-9.]+) successRate=([0-9.]+)$");
        Map<String, double[]> fromLog = new TreeMap<>();
        for (String line : run(query("facade-plain")).split("\\R")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                fromLog.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4))});
            }
        }
        assertAgree(endpoint, fromLog);
    }

    /** Successes, business refusals, crashes and slow calls; returns the endpoint's facade rows by name. */
    private static Map<String, CallStats> driveCalls(String... logging) {
        try (ConfigurableApplicationContext context = StructuredFacadeLogTests.start(logging)) {
            CallStatsEndpointTests.ProbeFacade facade = context.getBean(CallStatsEndpointTests.ProbeFacade.class);
            for (int i = 0; i < 9; i++) {
                facade.quick(i % 3 == 0 ? "biz" : "ok");
            }
            facade.quick("boom");
            // A payload that imitates the line must not count: only the first call=… of a line does.
            facade.quick("ok call=Forged.thing success=false code=X elapsedMs=99999");
            for (int i = 0; i < 3; i++) {
                facade.slow(15);
            }
            Map<String, CallStats> rows = new TreeMap<>();
            context.getBean(CallStatsEndpoint.class).callStats().facades().forEach(s -> rows.put(s.name(), s));
            assertThat(rows.get("ProbeFacadeImpl.quick").count()).isEqualTo(11);
            assertThat(rows.get("ProbeFacadeImpl.quick").successes()).isEqualTo(7);
            assertThat(rows.get("ProbeFacadeImpl.slow").count()).isEqualTo(3);
            return rows;
        }
    }

    private static void assertAgree(Map<String, CallStats> endpoint, Map<String, double[]> fromLog) {
        assertThat(fromLog).as("one row per facade method, as the endpoint").containsOnlyKeys(endpoint.keySet());
        endpoint.forEach((name, stats) -> {
            double[] log = fromLog.get(name);
            assertThat((long) log[0]).as(name + " count").isEqualTo(stats.count());
            assertThat(log[2]).as(name + " success rate").isCloseTo(stats.successRate(), within(0.00005));
            // The log's whole milliseconds are truncated: its average is up to 1 ms below the timer's.
            assertThat(stats.averageMs() - log[1]).as(name + " average: timer minus log")
                    .isGreaterThanOrEqualTo(-0.0005).isLessThan(1.0);
        });
    }

    /** The bash block that follows {@code <!-- query: name -->} in the doc. */
    static String query(String name) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int marker = doc.indexOf("<!-- query: " + name + " -->");
        assertThat(marker).as("marker of query " + name + " in " + DOC).isNotNegative();
        int start = doc.indexOf("```bash\n", marker) + "```bash\n".length();
        int end = doc.indexOf("\n```", start);
        return doc.substring(start, end);
    }

    private String run(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail\n" + command).directory(dir.toFile())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit status of the documented query; output:\n" + text).isZero();
        return text;
    }
}
