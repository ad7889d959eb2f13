package io.tradekit.cache.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated configuration metadata documents every {@code tradekit.cache.*} property. */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyHasADescription() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("tradekit.cache.")) {
                        properties.put(name, property);
                    }
                }
            }
        }
        assertThat(properties).containsKeys("tradekit.cache.enabled", "tradekit.cache.remote.client",
                "tradekit.cache.remote.lettuce.command-timeout", "tradekit.cache.remote.lettuce.connect-timeout",
                "tradekit.cache.remote.lettuce.retry-delay");
        List<String> undocumented = new ArrayList<>();
        properties.forEach((name, property) -> {
            if (property.path("description").asText("").isBlank()) {
                undocumented.add(name);
            }
        });
        assertThat(undocumented).as("properties without a description").isEmpty();
        assertThat(properties.get("tradekit.cache.remote.lettuce.command-timeout").path("defaultValue").asText()).isEqualTo("1s");
        assertThat(properties.get("tradekit.cache.remote.lettuce.connect-timeout").path("defaultValue").asText()).isEqualTo("2s");
        assertThat(properties.get("tradekit.cache.remote.lettuce.retry-delay").path("defaultValue").asText()).isEqualTo("1s");
    }
}
