package io.tradekit.cache.autoconfigure;

import com.alicp.jetcache.CacheBuilder;
import com.alicp.jetcache.anno.aop.CacheAdvisor;
import com.alicp.jetcache.anno.aop.JetCacheInterceptor;
import com.alicp.jetcache.anno.support.ConfigMap;
import com.alicp.jetcache.anno.support.ConfigProvider;
import com.alicp.jetcache.anno.support.EncoderParser;
import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import com.alicp.jetcache.embedded.CaffeineCacheBuilder;
import com.alicp.jetcache.embedded.EmbeddedCacheConfig;
import com.alicp.jetcache.external.ExternalCacheBuilder;
import com.alicp.jetcache.support.Fastjson2KeyConvertor;
import com.alicp.jetcache.template.CacheMonitorInstaller;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.cache.health.RemoteCacheHealthIndicator;
import io.tradekit.cache.metrics.MicrometerCacheMonitorInstaller;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.serial.AllowListKryoCodec;
import io.tradekit.cache.serial.ClassAllowList;
import io.tradekit.cache.support.AllowListEncoderParser;
import io.tradekit.cache.support.CacheDefaults;
import io.tradekit.cache.support.ShortNullCaffeineCache;
import io.tradekit.cache.support.TradekitCacheManager;
import io.tradekit.cache.support.TradekitConfigProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * The two-level cache itself, on whichever {@link RemoteLevel} the variants before it registered:
 * JetCache's global configuration, config provider, cache manager and method interception, the
 * codec, the breaker, meters and health. Without a remote level it sets up the local level only,
 * and its cache manager refuses remote and two-level caches.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tradekit.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
class JetCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JetCacheConfiguration.class);

    static final String AREA = "default";

    @Bean
    @ConditionalOnMissingBean
    AllowListKryoCodec tradekitCacheCodec(TradekitCacheProperties properties, BeanFactory beanFactory) {
        List<String> allowed = properties.getSerializer().getAllowedPackages().isEmpty()
                ? basePackages(properties, beanFactory) : properties.getSerializer().getAllowedPackages();
        return new AllowListKryoCodec(new ClassAllowList(allowed));
    }

    @Bean
    @ConditionalOnMissingBean
    RemoteBreaker tradekitCacheRemoteBreaker(TradekitCacheProperties properties) {
        return new RemoteBreaker(properties.getRemote().getFailureThreshold(), properties.getRemote().getOpenDuration());
    }

    @Bean
    @ConditionalOnMissingBean(EncoderParser.class)
    AllowListEncoderParser tradekitCacheEncoderParser(AllowListKryoCodec codec) {
        return new AllowListEncoderParser(codec);
    }

    @Bean(name = "globalCacheConfig")
    @ConditionalOnMissingBean
    GlobalCacheConfig globalCacheConfig(TradekitCacheProperties properties, ObjectProvider<RemoteLevel> remoteLevels,
                                        AllowListKryoCodec codec, RemoteBreaker breaker, BeanFactory beanFactory) {
        long remoteExpireMillis = properties.getRemote().getExpire().toMillis();
        // Local keys stay the key objects themselves (no conversion on the hot path); remote keys are JSON.
        CaffeineCacheBuilder.CaffeineCacheBuilderImpl local = CaffeineCacheBuilder.createCaffeineCacheBuilder()
                .limit(properties.getLocal().getLimit())
                .expireAfterWrite(remoteExpireMillis, TimeUnit.MILLISECONDS);
        if (properties.isCacheNullValues()) {
            // A null copied up from Redis keeps the short null-expire, not the local level's expire.
            Duration nullExpire = properties.getNullExpire();
            local.buildFunc(config -> new ShortNullCaffeineCache<>((EmbeddedCacheConfig<Object, Object>) config, nullExpire));
        }
        Map<String, CacheBuilder> locals = new HashMap<>();
        locals.put(AREA, local);
        Map<String, CacheBuilder> remotes = new HashMap<>();
        RemoteLevel remoteLevel = remoteLevels.getIfAvailable();
        if (remoteLevel != null) {
            remotes.put(AREA, remoteCacheBuilder(properties, remoteLevel, codec, breaker, remoteExpireMillis));
        } else {
            // Safe only because RemoteCacheUsageCheck found no remote or two-level cache, and the
            // cache manager refuses one created later (QuickConfig).
            log.info("tradekit cache: no remote level (no client for {}), LOCAL caches only",
                    RemoteCacheUsageCheck.MISSING_CLIENT);
        }

        GlobalCacheConfig config = new GlobalCacheConfig();
        config.setLocalCacheBuilders(locals);
        config.setRemoteCacheBuilders(remotes);
        config.setHiddenPackages(basePackages(properties, beanFactory).toArray(String[]::new));
        config.setPenetrationProtect(properties.isPenetrationProtect());
        config.setEnableMethodCache(true);
        config.setStatIntervalMinutes(0);
        return config;
    }

    private static ExternalCacheBuilder<?> remoteCacheBuilder(TradekitCacheProperties properties, RemoteLevel level,
            AllowListKryoCodec codec, RemoteBreaker breaker, long expireMillis) {
        // The same key layout, codec and channel on either client: instances on Redisson and on
        // Lettuce read each other's entries and messages.
        ExternalCacheBuilder<?> remote = level.newCacheBuilder(breaker);
        remote.setKeyPrefix(properties.getKeyPrefix());
        remote.setKeyConvertor(Fastjson2KeyConvertor.INSTANCE);
        remote.setValueEncoder(codec.encoder());
        remote.setValueDecoder(codec.decoder());
        remote.setExpireAfterWriteInMillis(expireMillis);
        if (properties.getBroadcast().isEnabled()) {
            remote.setBroadcastChannel(broadcastChannel(properties));
        }
        return remote;
    }

    static String broadcastChannel(TradekitCacheProperties properties) {
        String channel = properties.getBroadcast().getChannel();
        return channel == null || channel.isBlank() ? properties.getKeyPrefix() + "broadcast" : channel.strip();
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(ConfigProvider.class)
    TradekitConfigProvider springConfigProvider(ApplicationContext context, GlobalCacheConfig globalCacheConfig,
                                                EncoderParser encoderParser,
                                                ObjectProvider<CacheMonitorInstaller> installers) {
        TradekitConfigProvider provider = new TradekitConfigProvider(installers.orderedStream().toList());
        provider.setApplicationContext(context);
        provider.setGlobalCacheConfig(globalCacheConfig);
        provider.setEncoderParser(encoderParser);
        provider.init();
        return provider;
    }

    @Bean(name = "jcCacheManager", destroyMethod = "close")
    @ConditionalOnMissingBean(com.alicp.jetcache.CacheManager.class)
    TradekitCacheManager jcCacheManager(ConfigProvider configProvider, TradekitCacheProperties properties,
                                        ObjectProvider<RemoteLevel> remoteLevels, BeanFactory beanFactory) {
        CacheDefaults defaults = new CacheDefaults(properties.getBroadcast().isEnabled(),
                properties.getLocal().getExpire(), properties.getLocal().getLimit(), properties.isPenetrationProtect(),
                properties.getPenetrationProtectTimeout(), properties.getStopRefreshAfterLastAccess(),
                properties.isCacheNullValues() ? properties.getNullExpire() : null, properties.isAfterCommit());
        String missingRemoteLevel = remoteLevels.getIfAvailable() != null ? null
                : RemoteCacheUsageCheck.missingRemoteLevel(beanFactory instanceof ConfigurableBeanFactory configurable
                        ? configurable.getBeanClassLoader() : JetCacheConfiguration.class.getClassLoader());
        TradekitCacheManager manager = new TradekitCacheManager(defaults, missingRemoteLevel);
        manager.setCacheBuilderTemplate(configProvider.getCacheBuilderTemplate());
        return manager;
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ConfigMap jetcacheConfigMap() {
        return new ConfigMap();
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static JetCacheInterceptor jetCacheInterceptor(ConfigMap jetcacheConfigMap) {
        JetCacheInterceptor interceptor = new JetCacheInterceptor();
        interceptor.setCacheConfigMap(jetcacheConfigMap);
        return interceptor;
    }

    @Bean(name = CacheAdvisor.CACHE_ADVISOR_BEAN_NAME)
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static CacheAdvisor jetcacheAdvisor(JetCacheInterceptor jetCacheInterceptor, ConfigMap jetcacheConfigMap,
                                        Environment environment, BeanFactory beanFactory) {
        // Static, and binding the properties itself: advisors are created before ordinary beans,
        // and asking for the properties bean here would create it too early for post-processing.
        TradekitCacheProperties settings = Binder.get(environment).bind("tradekit.cache", TradekitCacheProperties.class)
                .orElseGet(TradekitCacheProperties::new);
        CacheAdvisor advisor = new CacheAdvisor();
        advisor.setAdvice(jetCacheInterceptor);
        advisor.setCacheConfigMap(jetcacheConfigMap);
        advisor.setBasePackages(basePackages(settings, beanFactory).toArray(String[]::new));
        advisor.setOrder(settings.getOrder());
        return advisor;
    }

    /** The configured base packages, else the application's (auto-configuration) packages. */
    static List<String> basePackages(TradekitCacheProperties properties, BeanFactory beanFactory) {
        List<String> configured = properties.getBasePackages().stream().filter(p -> p != null && !p.isBlank())
                .map(String::strip).toList();
        if (!configured.isEmpty()) {
            return configured;
        }
        if (AutoConfigurationPackages.has(beanFactory)) {
            return AutoConfigurationPackages.get(beanFactory);
        }
        throw new IllegalStateException("tradekit.cache: no package to apply @Cached in. Set tradekit.cache.base-packages, "
                + "or start the application from a @SpringBootApplication class.");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MicrometerCacheMonitorInstaller tradekitCacheMetrics(ObjectProvider<MeterRegistry> registry) {
            return new MicrometerCacheMonitorInstaller(registry.getObject());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnBean(RemoteLevel.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "remoteCacheHealthIndicator")
        RemoteCacheHealthIndicator remoteCacheHealthIndicator(RemoteLevel remoteLevel, RemoteBreaker breaker,
                                                              TradekitCacheProperties properties) {
            return new RemoteCacheHealthIndicator(remoteLevel, breaker, properties.getKeyPrefix() + "health",
                    properties.getRemote().getHealthTimeout());
        }
    }
}
