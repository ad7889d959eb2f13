package io.tradekit.lock.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every {@code tradekit.lock.*} property (and the health switch) is documented in this jar's configuration metadata. */
class DistributeLockPropertiesMetadataTests {

    @Test
    void everyPropertyHasADescription() throws Exception {
        URL jar = DistributeLockProperties.class.getProtectionDomain().getCodeSource().getLocation();
        String json;
        try (InputStream in = new URL(jar, "META-INF/spring-configuration-metadata.json").openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
        assertThat(properties).extracting(property -> property.get("name")).containsExactlyInAnyOrder(
                "tradekit.lock.enabled", "tradekit.lock.key-prefix", "tradekit.lock.default-wait-time",
                "tradekit.lock.order", "tradekit.lock.max-key-length", "tradekit.lock.lease-check-interval",
                "tradekit.lock.fencing-token-ttl", "tradekit.lock.health.timeout",
                "management.health.distribute-lock.enabled");
        assertThat(properties).allSatisfy(property -> assertThat((String) property.get("description"))
                .as("description of %s", property.get("name")).isNotBlank());
    }
}
