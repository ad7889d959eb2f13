package io.tradekit.stock.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated configuration metadata documents every tradekit.stock property. */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyHasADescriptionAndTheRedisOnesTheirDefaults() throws IOException {
        JsonNode properties = ourMetadata().get("properties");
        List<String> names = new ArrayList<>();
        for (JsonNode property : properties) {
            String name = property.get("name").asText();
            names.add(name);
            assertThat(property.path("description").asText()).as("description of " + name).isNotBlank();
            if (name.startsWith("tradekit.stock.redis.") && !name.endsWith("consolidate-flushes")) {
                assertThat(property.path("defaultValue").asText()).as("default of " + name).isNotBlank();
            }
        }
        assertThat(names).contains("tradekit.stock.enabled", "tradekit.stock.key-prefix", "tradekit.stock.sold-out-ttl",
                "tradekit.stock.retention", "tradekit.stock.redis.command-timeout", "tradekit.stock.redis.connect-timeout",
                "tradekit.stock.redis.retry-delay", "tradekit.stock.redis.consolidate-flushes", "tradekit.stock.health.timeout");
        // Its own namespace only, and the switch of its Actuator health component.
        assertThat(names).contains("management.health.stock.enabled").allMatch(name -> name.startsWith("tradekit.stock.")
                || name.equals("management.health.stock.enabled"));
    }

    private static JsonNode ourMetadata() throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode root = new ObjectMapper().readTree(in);
                for (JsonNode group : root.path("groups")) {
                    if ("tradekit.stock".equals(group.path("name").asText())) {
                        return root;
                    }
                }
            }
        }
        throw new AssertionError("no configuration metadata with the tradekit.stock group on the class path");
    }
}
