package io.tradekit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheGetResult;
import io.tradekit.cache.plain.PlainCacheApplication;
import io.tradekit.cache.plain.PriceService;
import io.tradekit.cache.redisson.RedissonRemoteLevel;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances (two application contexts) of an application that adds nothing but this starter,
 * on one real Redis from dev-services: an update on one instance reaches the other's next read,
 * because its local copy was invalidated, not because it expired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfTheBoxTwoInstancesTests {

    private static final long ID = 7;

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    private static String[] properties(String name) {
        return new String[] {
                "spring.application.name=" + name,
                "spring.main.web-application-type=none",
                "spring.main.banner-mode=off",
                "tradekit.cache.key-prefix=tradekit:cache:out-of-the-box:",
                // Local copies would live ten minutes: only the invalidation can explain B seeing the update.
                "tradekit.cache.local.expire=10m",
                "management.health.redis.enabled=false"
        };
    }

    @BeforeAll
    void startTwoInstances() {
        PriceService.STORE.put(ID, "100");
        a = new SpringApplicationBuilder(PlainCacheApplication.class).properties(properties("a")).run();
        b = new SpringApplicationBuilder(PlainCacheApplication.class).properties(properties("b")).run();
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        PriceService.STORE.clear();
    }

    @Test
    void anUpdateOnOneInstanceReachesTheOthersNextRead() {
        // Both instances on the starter's own Redisson client, built from spring.data.redis.* (one Redis on loopback).
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {a, b}) {
            assertThat(instance.getBean(RedissonRemoteLevel.class)).extracting("redisson")
                    .isSameAs(instance.getBean(RedissonClient.class));
        }
        assertThat(a.getEnvironment().getProperty("spring.data.redis.url")).startsWith("redis://127.0.0.1:")
                .isEqualTo(b.getEnvironment().getProperty("spring.data.redis.url"));

        PriceService onA = a.getBean(PriceService.class);
        PriceService onB = b.getBean(PriceService.class);
        assertThat(onA.price(ID)).isEqualTo("100");
        assertThat(onB.price(ID)).isEqualTo("100");
        assertThat(onB.price(ID)).isEqualTo("100");
        assertThat(onA.loads() + onB.loads()).as("B's reads were hits (the remote entry A wrote, then its own local copy)")
                .isEqualTo(1);
        assertThat(local(b).GET(ID).getValue()).as("B holds a local copy").isEqualTo("100");

        onA.update(ID, "120");

        Poll.until(Duration.ofSeconds(10), () -> !local(b).GET(ID).isSuccess(),
                "A's update invalidates B's local copy");
        assertThat(onB.price(ID)).as("B's next read sees A's update").isEqualTo("120");
        assertThat(onB.loads()).as("from the remote entry A's update wrote, not from the store").isZero();
        assertThat(local(b).GET(ID).getValue()).isEqualTo("120");
    }

    @SuppressWarnings("unchecked")
    private static Cache<Long, String> local(ConfigurableApplicationContext instance) {
        return CacheAcrossInstancesContract.levels(instance, "priceCache")[0];
    }
}
