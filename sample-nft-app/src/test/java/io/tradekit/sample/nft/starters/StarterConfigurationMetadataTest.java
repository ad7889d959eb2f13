package io.tradekit.sample.nft.starters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every tradekit starter's {@code META-INF/spring-configuration-metadata.json} from the sample's
 * classpath (the sample depends on all of them) and fails on a property an IDE would show without a
 * description, or a shared setting (from a core type the processor cannot document) without its default.
 */
class StarterConfigurationMetadataTest {

    /** Every starter's prefix: a starter whose metadata went missing fails here, not silently. */
    private static final Set<String> PREFIXES = Set.of("tradekit.facade", "tradekit.remote-call", "tradekit.lock",
            "tradekit.cache", "tradekit.idempotent", "tradekit.stock", "tradekit.txmsg", "tradekit.sso",
            "tradekit.dev-services");

    /** Settings nested from starter-core types: their defaults come from additional metadata, so check them. */
    private static final Pattern SHARED_SETTING = Pattern.compile(
            "tradekit\\.[a-z-]+(\\.remote\\.lettuce|\\.redis)\\.(command-timeout|connect-timeout|retry-delay)"
                    + "|tradekit\\.(facade|remote-call)\\.(slow-threshold|max-payload-length|log-payload)");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyStarterPropertyHasADescriptionAndSharedSettingsTheirDefaults() throws IOException {
        TreeMap<String, JsonNode> properties = new TreeMap<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("tradekit.")) {
                        properties.put(name, property);
                    }
                }
            }
        }

        Set<String> prefixesFound = new TreeSet<>();
        List<String> undocumented = new ArrayList<>();
        List<String> withoutDefault = new ArrayList<>();
        properties.forEach((name, property) -> {
            PREFIXES.stream().filter(prefix -> name.startsWith(prefix + ".")).forEach(prefixesFound::add);
            if (property.path("description").asText("").isBlank()) {
                undocumented.add(name);
            }
            if (SHARED_SETTING.matcher(name).matches() && !property.has("defaultValue")) {
                withoutDefault.add(name);
            }
        });

        assertThat(prefixesFound).as("starters whose metadata is on the classpath").containsExactlyInAnyOrderElementsOf(PREFIXES);
        assertThat(properties).as("tradekit properties in the metadata").hasSizeGreaterThan(100);
        assertThat(undocumented).as("tradekit properties without a description").isEmpty();
        assertThat(withoutDefault).as("shared settings without a default in the metadata").isEmpty();
    }
}
