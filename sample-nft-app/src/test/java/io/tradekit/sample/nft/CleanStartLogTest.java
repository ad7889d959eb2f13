package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A normal start logs no stack trace and no exception, and only the WARN lines listed here, each with
 * the reason it stays. The log is the console output of the suite's own application start (recorded by
 * {@link StartLogRecorder}), on the real dev servers.
 */
@SampleAppTest
class CleanStartLogTest {

    /** Where a log event begins: Spring Boot's console pattern, or RocketMQ's dev pattern ("06:02:05.027 WARN  [rocketmq-dev]"). */
    private static final Pattern EVENT_START = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+|\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*");
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\b.*");
    private static final Pattern THROWABLE = Pattern.compile("(^|\\s)[\\w.$]+(Exception|Error)(:|$)");

    /**
     * The WARN events a start may log, each matched by a fragment of its first two lines, and why each stays.
     * Anything else at WARN or ERROR, and any stack trace or exception outside these, fails the test.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("get Topic [%RETRY%", "RocketMQ client: a new consumer group's"
                    + " %RETRY% topic is created by the broker at the group's first heartbeat, after the consumer"
                    + " first asked for its route; one line per group, no stack trace; left to starter-tx-message"),
            Map.entry("lock heartBeat, but failed", "RocketMQ client: a heartbeat asked for while another"
                    + " is in flight is skipped (the producer's warm-up and each consumer's start all ask for one);"
                    + " the one in flight carries the same data. Seen only when start-up threads overlap on a busy"
                    + " machine; no stack trace"),
            Map.entry("[SERVICE_PUBLISH] Use random available port", "dubbo.protocol.port=-1 asks for a free port on"
                    + " purpose (several instances per host); Dubbo reports the port it took at WARN"),
            Map.entry("dynamicConfiguration is null", "no Dubbo config centre, on purpose (use-as-config-center:"
                    + " false); Dubbo warns at each lookup of a dynamic setting"),
            Map.entry("Using default configuration rule because config center is not configured",
                    "the same: no config centre, so the default migration rule applies"),
            Map.entry("received empty address list and empty protection is disabled", "the app consumes its own"
                    + " Dubbo services: each reference subscribes before its provider registered, then gets it"));

    @Test
    void aNormalStartLogsNoStackTraceAndOnlyTheAllowedWarnings() {
        String log = StartLogRecorder.startLog();
        assertThat(log).as("the start log was recorded").isNotNull().containsPattern("Started \\w+ in ")
                .contains("tradekit dev services");

        List<String> unexpected = new ArrayList<>();
        for (List<String> event : events(log)) {
            String first = event.get(0);
            // The head of the event: its line and the exception's own line (RocketMQ names the topic there).
            String head = String.join("\n", event.subList(0, Math.min(event.size(), 2)));
            boolean allowed = ALLOWED.keySet().stream().anyMatch(head::contains);
            if (allowed) {
                continue;
            }
            boolean stackTrace = event.stream().anyMatch(line -> line.startsWith("\tat "));
            boolean throwable = event.stream().anyMatch(line -> THROWABLE.matcher(line).find());
            if (WARN_OR_ERROR.matcher(first).matches() || stackTrace || throwable) {
                unexpected.add(String.join("\n", event.subList(0, Math.min(event.size(), 6))));
            }
        }
        assertThat(unexpected).as("log events a normal start must not have").isEmpty();
        // The Dubbo NetUtils stack traces (about 590 per start) are gone, not merely allowed.
        assertThat(log).doesNotContain("NetUtils").doesNotContain("\tat org.apache.dubbo");
    }

    @Test
    void theParserFindsWhatTheTestIsAbout() {
        String sample = String.join("\n",
                "2026-12-07T06:02:05.001Z  INFO 1 --- [app] [main] a.B : fine",
                "2026-12-07T06:02:05.002Z  WARN 1 --- [app] [main] a.C : odd",
                "java.lang.NullPointerException: boom",
                "\tat a.C.d(C.java:1)",
                "06:02:05.027 WARN  [rocketmq-dev] MQClientAPIImpl - get Topic [%DLQ%x] RouteInfoFromNameServer is not exist value");
        List<List<String>> events = events(sample);
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).hasSize(3);
        assertThat(WARN_OR_ERROR.matcher(events.get(1).get(0)).matches()).isTrue();
        assertThat(WARN_OR_ERROR.matcher(events.get(0).get(0)).matches()).isFalse();
        assertThat(WARN_OR_ERROR.matcher(events.get(2).get(0)).matches()).isTrue();
        assertThat(THROWABLE.matcher(events.get(1).get(1)).find()).isTrue();
        assertThat(THROWABLE.matcher("o.s.w.s.m.m.a.ExceptionHandlerExceptionResolver : Detected 2 advice").find()).isFalse();
    }

    /** The log split into events: a first line with a timestamp and the lines that continue it. */
    private static List<List<String>> events(String log) {
        List<List<String>> events = new ArrayList<>();
        for (String line : log.split("\\R")) {
            if (EVENT_START.matcher(line).matches() || events.isEmpty()) {
                events.add(new ArrayList<>(List.of(line)));
            } else {
                events.get(events.size() - 1).add(line);
            }
        }
        return events;
    }
}
