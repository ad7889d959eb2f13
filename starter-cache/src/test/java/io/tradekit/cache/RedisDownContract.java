package io.tradekit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.cache.health.RemoteCacheHealthIndicator;
import io.tradekit.cache.sample.CacheTestApplication;
import io.tradekit.cache.sample.UserService;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An instance whose Redis goes away (one subclass per remote client): a redis-server of its own (not the JVM's shared dev Redis,
 * never the machine's 6379), stopped by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisDownContract {

    private RedisDevService ownRedis;
    private ConfigurableApplicationContext context;

    /** Extra properties of the instance (its remote client and that client's timeouts). */
    abstract List<String> clientProperties();

    @BeforeAll
    void start() {
        ownRedis = RedisDevService.start(RedisSettings.DEFAULTS);
        List<String> properties = new ArrayList<>(List.of(CacheTestApplication.properties("down")));
        properties.add("tradekit.dev-services.redis.enabled=false");
        properties.add("spring.data.redis.url=" + ownRedis.uri());
        properties.add("test.own-redis-url=" + ownRedis.uri());
        properties.add("tradekit.cache.remote.health-timeout=500ms");
        properties.add("spring.datasource.url=jdbc:h2:mem:" + getClass().getSimpleName() + ";DB_CLOSE_DELAY=-1");
        properties.addAll(clientProperties());
        context = new SpringApplicationBuilder(CacheTestApplication.class).properties(properties.toArray(String[]::new)).run();
        UserService.createSchema(context.getBean(JdbcTemplate.class));
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (ownRedis != null) {
            ownRedis.close();
        }
    }

    @Test
    void callsKeepAnsweringThroughTheLoaderAndHealthShowsTheRemoteCacheDown() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        UserService service = context.getBean(UserService.class);
        RemoteCacheHealthIndicator health = context.getBean(RemoteCacheHealthIndicator.class);
        UserService.insert(jdbc, 501, "up");
        assertThat(service.get(501).name()).isEqualTo("up");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        ownRedis.close();
        Poll.until(Duration.ofSeconds(10), () -> !ownRedis.isRunning(), "the instance's Redis stopped");

        for (long id = 502; id < 520; id++) {
            UserService.insert(jdbc, id, "user-" + id);
            assertThat(service.get(id).name()).as("answered by the loader").isEqualTo("user-" + id);
            assertThat(service.get(id).name()).isEqualTo("user-" + id);
        }
        service.rename(502, "renamed");
        assertThat(service.get(502).name()).as("the invalidation still cleared the local copy").isEqualTo("renamed");
        assertThat(service.get(501).name()).as("the local level still answers").isEqualTo("up");

        assertThat(context.getBean(RemoteBreaker.class).isOpen()).as("the remote level is being skipped").isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
