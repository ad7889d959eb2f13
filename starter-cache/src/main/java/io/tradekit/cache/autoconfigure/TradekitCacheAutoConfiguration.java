package io.tradekit.cache.autoconfigure;

import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import io.tradekit.cache.remote.RemoteLevel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of JetCache as a two-level cache: Caffeine locally, Redis remotely on a
 * {@link RemoteLevel} (the Redisson client, by default the one redisson-spring-boot-starter builds
 * from {@code spring.data.redis.*}, or a Lettuce connection of the cache's own), method annotations
 * on for the application's package.
 *
 * <p>Runs after Redisson's and Spring Data Redis's auto-configurations (their client beans decide the
 * remote level) and before JetCache's own, which backs off once a {@link GlobalCacheConfig} exists, so
 * {@code jetcache.*} YAML is not read. Without a remote level only {@code LOCAL} caches work: a
 * remote or two-level cache then fails the start-up ({@link RemoteCacheUsageCheck}), unless
 * {@code tradekit.cache.enabled=false}.
 */
@AutoConfiguration(beforeName = "com.alicp.jetcache.autoconfigure.JetCacheAutoConfiguration",
        afterName = {"org.redisson.spring.starter.RedissonAutoConfigurationV2",
                "org.redisson.spring.starter.RedissonAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(GlobalCacheConfig.class)
@EnableConfigurationProperties(TradekitCacheProperties.class)
// Order matters: the remote-level variants register their RemoteLevel before JetCacheConfiguration looks for one.
@Import({RedissonRemoteLevelConfiguration.class, LettuceRemoteLevelConfiguration.class, JetCacheConfiguration.class})
public class TradekitCacheAutoConfiguration {

    /** Static: a bean factory post-processor, it runs before any bean exists, even when the cache is disabled. */
    @Bean
    static RemoteCacheUsageCheck tradekitCacheRemoteUsageCheck(Environment environment) {
        return new RemoteCacheUsageCheck(environment);
    }
}
