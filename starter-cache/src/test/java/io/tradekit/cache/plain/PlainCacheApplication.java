package io.tradekit.cache.plain;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application that adds only the cache starter: no Redis client of its own, no Redisson or
 * JetCache configuration. The remote level runs on the Redisson client the starter brings,
 * configured from the {@code spring.data.redis.*} that dev-services sets.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlainCacheApplication {

    @Bean
    PriceService priceService() {
        return new PriceService();
    }
}
