package io.tradekit.txmsg.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated configuration metadata documents every property the starter reads. */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyHasADescriptionIncludingTheRocketMqNameServerKey() throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode property : ourMetadata().get("properties")) {
            String name = property.get("name").asText();
            names.add(name);
            assertThat(property.path("description").asText()).as("description of " + name).isNotBlank();
        }
        assertThat(names).contains("rocketmq.name-server", "tradekit.txmsg.name-server", "tradekit.txmsg.enabled",
                "tradekit.txmsg.topics", "tradekit.txmsg.consumer.route-refresh-interval", "tradekit.txmsg.health.timeout",
                "management.health.rocketmq.enabled");
    }

    private static JsonNode ourMetadata() throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode root = new ObjectMapper().readTree(in);
                for (JsonNode group : root.path("groups")) {
                    if ("tradekit.txmsg".equals(group.path("name").asText())) {
                        return root;
                    }
                }
            }
        }
        throw new AssertionError("no configuration metadata with the tradekit.txmsg group on the class path");
    }
}
