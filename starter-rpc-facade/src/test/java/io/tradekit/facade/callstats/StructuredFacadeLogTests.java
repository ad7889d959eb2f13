package io.tradekit.facade.callstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.trace.TraceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** With Spring Boot's structured console logs on, a facade call is one JSON line carrying the trace id. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredFacadeLogTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        CallStatsEndpointTests.ProbeFacadeImpl probeFacade() {
            return new CallStatsEndpointTests.ProbeFacadeImpl();
        }
    }

    /** The sample's settings minus the servers, plus the given ones. */
    static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of("dubbo.enabled=false", "tradekit.dev-services.enabled=false",
                "management.endpoints.web.exposure.include=callstats", "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new)).run();
    }

    /** The JSON objects among the output's lines (other lines, if any, are skipped as jq's fromjson? does). */
    static List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (java.io.IOException e) {
                    // not JSON after all
                }
            }
        }
        return lines;
    }

    @Test
    void ecsFacadeLineIsJsonWithTheTraceIdField(CapturedOutput output) {
        assertFacadeLineCarriesTheTraceId("ecs", output);
    }

    @Test
    void logstashFacadeLineIsJsonWithTheTraceIdField(CapturedOutput output) {
        assertFacadeLineCarriesTheTraceId("logstash", output);
    }

    @org.junit.jupiter.api.BeforeEach
    void clearBootLoggingProperties() {
        LogbackReset.clearBootProperties();
    }

    @org.junit.jupiter.api.AfterEach
    void restoreTestLogging() throws Exception {
        LogbackReset.restore();
    }

    private void assertFacadeLineCarriesTheTraceId(String format, CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("logging.config=classpath:boot-structured-console.xml",
                "logging.structured.format.console=" + format)) {
            CallStatsEndpointTests.ProbeFacade facade = context.getBean(CallStatsEndpointTests.ProbeFacade.class);
            String traceId = "0af7651916cd43dd8448eb211c80319c";
            try (TraceId.Scope scope = TraceId.open(traceId)) {
                facade.quick("ok");
            }

            List<JsonNode> facadeLines = jsonLines(output.getOut()).stream()
                    .filter(line -> line.path("message").asText().startsWith("call=ProbeFacadeImpl.quick ")).toList();
            assertThat(facadeLines).as(output.getOut()).singleElement().satisfies(line -> {
                if (format.equals("logstash")) {
                    assertThat(line.path("@version").asText()).as("the logstash layout").isEqualTo("1");
                }
                assertThat(line.path("traceId").asText()).isEqualTo(traceId);
                assertThat(line.path("message").asText()).contains(" success=true code=SUCCESS elapsedMs=");
            });
        }
    }
}
