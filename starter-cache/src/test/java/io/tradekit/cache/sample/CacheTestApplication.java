package io.tradekit.cache.sample;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.codec.JsonJacksonCodec;
import org.redisson.config.Config;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One "instance" of an application using the cache as the sample app will: Redisson from
 * redisson-spring-boot-starter on the dev-services Redis (with a JSON codec, the jetcache#945
 * trap), H2 through spring-boot-starter-jdbc, Actuator and Micrometer.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CacheTestApplication {

    /** Shared H2 in-memory database: every context of the test JVM uses the same one. */
    public static final String DB_URL = "jdbc:h2:mem:cachetest;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    @Bean
    UserService userService(JdbcTemplate jdbc) {
        return new UserService(jdbc);
    }

    /** A client codec other than Redisson's default: JetCache's own broadcast listener breaks on it. */
    @Bean
    @ConditionalOnProperty("test.json-codec")
    RedissonAutoConfigurationCustomizer jsonCodec() {
        return config -> config.setCodec(new JsonJacksonCodec());
    }

    /** A client of its own on a Redis the test stops, with short timeouts so failures come fast. */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty("test.own-redis-url")
    RedissonClient ownRedisson(@Value("${test.own-redis-url}") String url,
                               @Value("${test.own-redis-timeout-ms:300}") int timeoutMs) {
        Config config = new Config();
        config.useSingleServer().setAddress(url).setTimeout(timeoutMs).setConnectTimeout(timeoutMs).setRetryAttempts(0)
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(4)
                .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(2);
        return Redisson.create(config);
    }

    /** Properties of one instance on the shared dev-services Redis. */
    public static String[] properties(String name) {
        return new String[] {
                "spring.application.name=" + name,
                "spring.main.web-application-type=none",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + DB_URL,
                "spring.datasource.username=sa",
                "test.json-codec=true",
                // Long enough that only the broadcast can explain another instance seeing a change.
                "tradekit.cache.local.expire=10m",
                "tradekit.cache.null-expire=1s",
                "management.health.redis.enabled=false"
        };
    }
}
