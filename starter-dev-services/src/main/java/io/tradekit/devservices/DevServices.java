package io.tradekit.devservices;

import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.rocketmq.RocketMqSettings;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev servers of this JVM: each kind is started on first request and then shared by every
 * Spring context and test in the JVM, and stopped when the JVM exits.
 *
 * <p>Sharing is the point: two application instances started in one test JVM see the same
 * Redis, broker and registry, as two instances in production would. The settings of the first
 * request win; a later request only adds what can be added to a running server (RocketMQ
 * topics) and logs what it could not apply.
 *
 * <pre>{@code
 * RedisDevService redis = DevServices.redis();
 * RedissonClient client = Redisson.create(config.useSingleServer().setAddress(redis.uri()));
 * }</pre>
 *
 * @see io.tradekit.devservices.junit.WithDevServices for plain JUnit tests
 * @see io.tradekit.devservices.spring.DevServicesEnvironmentPostProcessor for Spring applications
 */
public final class DevServices {

    private static final Logger log = LoggerFactory.getLogger(DevServices.class);

    private static RedisDevService redis;
    private static RedisSettings redisSettings;
    private static RocketMqDevService rocketMq;
    private static RocketMqSettings rocketMqSettings;
    private static ZooKeeperDevService zooKeeper;
    private static boolean shutdownHookAdded;

    /** Names Spring Boot and Spring Framework give their JVM shutdown-hook threads. */
    private static final Set<String> SPRING_SHUTDOWN_THREADS =
            Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");
    private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private DevServices() {
    }

    /** The JVM's Redis server, started with {@link RedisSettings#DEFAULTS} if not running yet. */
    public static RedisDevService redis() {
        return redis(RedisSettings.DEFAULTS);
    }

    /** The JVM's Redis server, started with {@code settings} if not running yet. */
    public static synchronized RedisDevService redis(RedisSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (redis != null && redis.isRunning()) {
            if (!settings.equals(redisSettings) && !settings.equals(RedisSettings.DEFAULTS)) {
                log.warn("Redis dev service already runs at {} with {}; ignoring {}", redis.uri(), redisSettings, settings);
            }
            return redis;
        }
        addShutdownHookOnce();
        redis = RedisDevService.start(settings);
        redisSettings = settings;
        return redis;
    }

    /** The JVM's RocketMQ name server and broker, started with {@link RocketMqSettings#DEFAULTS} if not running. */
    public static RocketMqDevService rocketMq() {
        return rocketMq(RocketMqSettings.DEFAULTS);
    }

    /**
     * The JVM's RocketMQ name server and broker, started with {@code settings} if not running;
     * if running, the topics of {@code settings} are created on it.
     */
    public static synchronized RocketMqDevService rocketMq(RocketMqSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (rocketMq != null) {
            settings.topics().forEach(rocketMq::createTopic);
            if (!settings.transactionCheckInterval().equals(rocketMqSettings.transactionCheckInterval())
                    || !settings.transactionTimeout().equals(rocketMqSettings.transactionTimeout())) {
                log.warn("RocketMQ dev service already runs with transaction check interval {} and timeout {}; ignoring {}",
                        rocketMqSettings.transactionCheckInterval(), rocketMqSettings.transactionTimeout(), settings);
            }
            return rocketMq;
        }
        addShutdownHookOnce();
        rocketMq = RocketMqDevService.start(settings);
        rocketMqSettings = settings;
        return rocketMq;
    }

    /** The JVM's ZooKeeper server, started if not running yet. */
    public static synchronized ZooKeeperDevService zooKeeper() {
        if (zooKeeper == null) {
            addShutdownHookOnce();
            zooKeeper = ZooKeeperDevService.start();
        }
        return zooKeeper;
    }

    /** Stops every server this JVM started; the next request starts a new one. */
    public static synchronized void stopAll() {
        if (rocketMq != null) {
            rocketMq.close();
            rocketMq = null;
        }
        if (zooKeeper != null) {
            zooKeeper.close();
            zooKeeper = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }

    private static void addShutdownHookOnce() {
        if (!shutdownHookAdded) {
            // Ctrl-C on a dev run, or the end of a test JVM: no redis-server process, broker
            // thread or temp store is left behind.
            Runtime.getRuntime().addShutdownHook(new Thread(DevServices::stopAfterSpringContexts, "tradekit-dev-services-stop"));
            shutdownHookAdded = true;
        }
    }

    /**
     * JVM shutdown hooks run concurrently: stopping the servers while Spring still closes its
     * contexts would make Redisson, RocketMQ clients and Dubbo fail (and log) against servers that
     * vanish under them. So the hook first waits for Spring's own shutdown-hook threads.
     */
    private static void stopAfterSpringContexts() {
        long deadline = System.nanoTime() + SPRING_SHUTDOWN_WAIT.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (SPRING_SHUTDOWN_THREADS.contains(thread.getName()) && thread != Thread.currentThread()) {
                long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                try {
                    thread.join(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (DevServices.class) {
            if (rocketMq != null) {
                rocketMq.discardAtJvmExit();
                rocketMq = null;
            }
        }
        stopAll();
    }
}
