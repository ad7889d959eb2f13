package io.tradekit.cache.autoconfigure;

import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.remote.RemoteLevelMissingException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Fails the start-up, before any bean is created, when the application declares a remote or
 * two-level cache ({@link RemoteCacheUse}) and the cache has no {@link RemoteLevel}; with
 * {@code tradekit.cache.enabled=false} it names those caches in one WARN instead.
 *
 * <p>Why fail: a {@code BOTH} cache without Redis would keep a copy in each instance that no other
 * instance's update invalidates, a stale read nobody notices; a {@code REMOTE} cache has nowhere to live.
 */
final class RemoteCacheUsageCheck implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(RemoteCacheUsageCheck.class);

    static final String ENABLED = "tradekit.cache.enabled";

    /** The client selected when there is no remote level: always Redisson (a Lettuce level always exists). */
    static final String MISSING_CLIENT = "Redisson (" + RemoteClient.PROPERTY + "=redisson)";

    private final Environment environment;

    RemoteCacheUsageCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        boolean enabled = enabled(environment.getProperty(ENABLED));
        List<RemoteCacheUse> uses = RemoteCacheUse.find(beanFactory);
        if (uses.isEmpty()) {
            return;
        }
        if (!enabled) {
            log.warn("tradekit cache: {}=false, so JetCache's annotations are not applied by tradekit: {} run uncached",
                    ENABLED, uses.stream().map(RemoteCacheUse::describe).collect(Collectors.joining(", ")));
            return;
        }
        if (beanFactory.getBeanNamesForType(RemoteLevel.class, true, false).length == 0
                && !applicationOwnsGlobalCacheConfig(beanFactory)) {
            RemoteCacheUse first = uses.get(0);
            throw new RemoteLevelMissingException("tradekit.cache: " + first.describe()
                    + " needs the remote (Redis) level, and there is none"
                    + (uses.size() > 1 ? " (" + (uses.size() - 1) + " more such caches)" : "")
                    + ": without it every instance keeps its own copy that no other instance's update invalidates.",
                    missingRemoteLevel(beanFactory.getBeanClassLoader()));
        }
    }

    /**
     * An application that defines its own JetCache {@link GlobalCacheConfig} chose its remote builders
     * itself (ours backs off): JetCache then reports a missing one at the first call, loudly.
     */
    private static boolean applicationOwnsGlobalCacheConfig(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanNamesForType(GlobalCacheConfig.class, true, false)) {
            String factoryBean = beanFactory.getBeanDefinition(name).getFactoryBeanName();
            boolean ours = factoryBean != null && beanFactory.containsBeanDefinition(factoryBean)
                    && JetCacheConfiguration.class.getName().equals(beanFactory.getBeanDefinition(factoryBean).getBeanClassName());
            if (!ours) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code tradekit.cache.enabled} as its auto-configuration condition does, refusing what is neither. */
    static boolean enabled(String value) {
        // No strip: the condition compares the raw value, and "true " must not silently switch the cache off.
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        throw new IllegalStateException(ENABLED + " must be true or false, not '"
                + shown.replaceAll("\\p{Cntrl}", "?") + "'");
    }

    /** Why there is no remote level and what to add, for the start-up failure and the cache manager's refusal. */
    static String missingRemoteLevel(ClassLoader classLoader) {
        // jetcache-redisson brings Redisson's core jar: what an exclusion removes is the Spring Boot starter.
        String cause = ClassUtils.isPresent("org.redisson.spring.starter.RedissonAutoConfigurationV2", classLoader)
                ? "there is no RedissonClient bean (was Redisson's auto-configuration excluded?): define one"
                : "redisson-spring-boot-starter is not on the classpath: add org.redisson:redisson-spring-boot-starter "
                        + "(this starter brings it: was it excluded?), configured by spring.data.redis.*, "
                        + "or define a RedissonClient bean";
        return "The remote level runs on " + MISSING_CLIENT + ", and " + cause + "; or set " + RemoteClient.PROPERTY
                + "=lettuce with io.lettuce:lettuce-core on the classpath. Only " + ENABLED
                + "=false runs these methods without the cache.";
    }
}
