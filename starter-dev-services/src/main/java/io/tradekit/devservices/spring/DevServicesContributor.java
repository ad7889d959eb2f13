package io.tradekit.devservices.spring;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.rocketmq.RocketMqSettings;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Starts the dev servers an environment asks for and puts their addresses into it, ahead of
 * every other property source.
 *
 * <p>Shared by {@link DevServicesEnvironmentPostProcessor} (applications) and
 * {@link DevServicesInitializer} (contexts built without {@code SpringApplication}, such as an
 * {@code ApplicationContextRunner}).
 */
final class DevServicesContributor {

    /** Name of the property source holding the servers' addresses. */
    static final String PROPERTY_SOURCE_NAME = "tradekitDevServices";

    static final String DUBBO_IGNORED_INTERFACES = "dubbo.network.interface.ignored";

    /** Defaults below every other property source: the application's own settings win. */
    static final String DEFAULTS_SOURCE_NAME = "tradekitDevServicesDefaults";
    static final String DUBBO_NET_UTILS_LEVEL = "logging.level.org.apache.dubbo.common.utils.NetUtils";

    private final ClassLoader classLoader;
    private final Log log;

    /**
     * @param log where the one summary line goes; environment post-processors run before Spring
     *            Boot's logging is set up, so theirs is a deferred log replayed later
     */
    DevServicesContributor(ClassLoader classLoader, Log log) {
        this.classLoader = classLoader;
        this.log = log;
    }

    void contribute(ConfigurableEnvironment environment) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        DevServicesProperties properties = Binder.get(environment)
                .bindOrCreate("tradekit.dev-services", DevServicesProperties.class);
        if (!properties.isEnabled()) {
            return;
        }
        if (properties.isSharedServers()) {
            useSharedServers(environment, properties);
            return;
        }
        Map<String, Object> addresses = new LinkedHashMap<>();
        List<String> started = new ArrayList<>();
        if (isOn(properties.getRedis().getEnabled(), anyPresent("org.redisson.api.RedissonClient",
                "org.springframework.data.redis.connection.RedisConnectionFactory"))) {
            DevServicesProperties.Redis redis = properties.getRedis();
            RedisDevService server = DevServices.redis(
                    new RedisSettings(redis.getPort(), redis.getExecutable(), redis.getStartTimeout()));
            addresses.put("spring.data.redis.host", server.host());
            addresses.put("spring.data.redis.port", server.port());
            // A url set elsewhere would win over host/port in Spring Boot and in Redisson's starter.
            addresses.put("spring.data.redis.url", server.uri());
            addresses.put("tradekit.dev-services.redis.url", server.uri());
            started.add("Redis " + server.uri() + " (" + server.executable().getFileName() + ", up in "
                    + server.startedIn().toMillis() + " ms)");
        }
        if (isOn(properties.getRocketmq().getEnabled(), anyPresent("org.apache.rocketmq.client.producer.DefaultMQProducer",
                "org.apache.rocketmq.spring.core.RocketMQTemplate"))) {
            DevServicesProperties.RocketMq rocketmq = properties.getRocketmq();
            RocketMqDevService server = DevServices.rocketMq(new RocketMqSettings(
                    rocketmq.getTransactionCheckInterval(), rocketmq.getTransactionTimeout(),
                    rocketmq.getTopics(), rocketmq.getStartTimeout()));
            addresses.put("rocketmq.name-server", server.nameServerAddress());
            addresses.put("tradekit.dev-services.rocketmq.name-server", server.nameServerAddress());
            started.add("RocketMQ name server " + server.nameServerAddress() + " and broker " + server.brokerAddress()
                    + " (up in " + server.startedIn().toMillis() + " ms)");
        }
        if (isOn(properties.getZookeeper().getEnabled(), allPresent("org.apache.dubbo.config.RegistryConfig",
                "org.apache.curator.framework.CuratorFramework"))) {
            ZooKeeperDevService server = DevServices.zooKeeper();
            keepDubboOnLoopback(environment);
            addresses.put("dubbo.registry.address", server.dubboRegistryAddress());
            addresses.put("tradekit.dev-services.zookeeper.connect-string", server.connectString());
            started.add("ZooKeeper " + server.connectString() + " (up in " + server.startedIn().toMillis() + " ms)");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, addresses));
        if (!started.isEmpty()) {
            log.info("tradekit dev services (shared by this JVM): " + String.join("; ", started));
            Runnable bootClosed = DevServices.stopAfterSpringBoot();
            if (bootClosed != null) {
                // Runs after Spring Boot's shutdown hook closed every context: only then do the servers go.
                SpringApplication.getShutdownHandlers().add(bootClosed);
                DevRunSignals.exitCleanlyOnTerm(log);
            }
        }
    }

    /**
     * The servers of a DevServersMain process, whose address file the application imported: their
     * addresses are already in the environment, so nothing starts; Dubbo must still advertise
     * loopback, and a missing address fails the start naming the property (fail closed: never a
     * silent fall-back to a server of this JVM that the other processes do not share).
     */
    private void useSharedServers(ConfigurableEnvironment environment, DevServicesProperties properties) {
        List<String> missing = new ArrayList<>();
        for (String property : List.of("spring.data.redis.url", "rocketmq.name-server", "dubbo.registry.address")) {
            if (!environment.containsProperty(property)) {
                missing.add(property);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("tradekit.dev-services.shared-servers=true but " + missing
                    + " not set: import the address file DevServersMain writes (--spring.config.import=file:<path>)");
        }
        keepDubboOnLoopback(environment);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of()));
        log.info("tradekit dev services: using the shared servers of process " + properties.getSharedServersPid()
                + " (Redis " + environment.getProperty("spring.data.redis.url") + ", RocketMQ "
                + environment.getProperty("rocketmq.name-server") + ", ZooKeeper "
                + environment.getProperty("dubbo.registry.address") + ")");
    }

    /**
     * Dubbo 3.3 treats a configured 127.* host as unset and advertises the first address of a
     * network interface instead (probing it with isReachable first), so a dev provider would be
     * called on the machine's network address. With every interface ignored it falls back to
     * 127.0.0.1. A JVM property, because Dubbo reads it statically; a value set by the user wins.
     *
     * <p>The price, and why the level of one logger goes down: Dubbo 3.3.6's {@code NetUtils} then finds
     * no interface, throws a {@code NullPointerException} inside its own lookup, logs it at WARN with
     * its stack trace (twice: IPv4 and IPv6), and, since it caches only a found address, repeats the
     * lookup on every Dubbo log line ("current host: ..."): about 590 stack traces per start. Dubbo has
     * no supported way to advertise loopback instead ({@code DUBBO_IP_TO_REGISTRY} and
     * {@code DUBBO_IP_TO_BIND} refuse 127.*, loopback interfaces are always skipped), so with the
     * interfaces ignored on purpose, {@code NetUtils} (which logs nothing but these lookups) is set to
     * ERROR, as a default the application's own {@code logging.level.*} overrides.
     */
    private void keepDubboOnLoopback(ConfigurableEnvironment environment) {
        if (System.getProperty(DUBBO_IGNORED_INTERFACES) == null) {
            System.setProperty(DUBBO_IGNORED_INTERFACES, ".*");
        }
        if (".*".equals(System.getProperty(DUBBO_IGNORED_INTERFACES))
                && !environment.getPropertySources().contains(DEFAULTS_SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME,
                    Map.of(DUBBO_NET_UTILS_LEVEL, "ERROR")));
        }
    }

    /** An explicit setting wins; unset means whatever the classpath says. */
    private static boolean isOn(Boolean explicit, boolean clientPresent) {
        return explicit != null ? explicit : clientPresent;
    }

    private boolean anyPresent(String... classNames) {
        for (String className : classNames) {
            if (ClassUtils.isPresent(className, classLoader)) {
                return true;
            }
        }
        return false;
    }

    private boolean allPresent(String... classNames) {
        for (String className : classNames) {
            if (!ClassUtils.isPresent(className, classLoader)) {
                return false;
            }
        }
        return true;
    }
}
