package io.tradekit.sso.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code tradekit.sso.*} property is documented in the configuration metadata IDEs show. */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyHasADescription() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("tradekit.sso.")) {
                        names.add(name);
                        if (property.path("description").asText().isBlank()) {
                            undocumented.add(name);
                        }
                    }
                }
            }
        }
        assertThat(names).contains("tradekit.sso.enabled", "tradekit.sso.cookie.secure", "tradekit.sso.routes",
                "tradekit.sso.session.lettuce.command-timeout", "tradekit.sso.session.lettuce.retry-delay");
        assertThat(undocumented).isEmpty();
    }
}
