package io.tradekit.devservices;

import io.tradekit.devservices.redis.RedisClusterDevService;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.rocketmq.RocketMqSettings;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private static RedisClusterDevService redisCluster;
    private static RocketMqDevService rocketMq;
    private static RocketMqSettings rocketMqSettings;
    private static ZooKeeperDevService zooKeeper;
    private static boolean shutdownHookAdded;
    /** Counted down by Spring Boot's shutdown hook once it has closed its contexts; null outside Boot. */
    private static CountDownLatch springBootContextsClosed;

    /** Names Spring Boot and Spring Framework give their JVM shutdown-hook threads. */
    private static final Set<String> SPRING_SHUTDOWN_THREADS =
            Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");
    private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    /** How long Spring Boot's hook thread may take to appear before its absence means "no Boot hook". */
    private static final Duration SPRING_HOOK_GRACE = Duration.ofMillis(500);

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

    /**
     * The JVM's three-master Redis Cluster, started if not running yet (needs {@code redis-cli}, from
     * Debian's {@code redis-tools}); separate from {@link #redis()}.
     */
    public static synchronized RedisClusterDevService redisCluster() {
        if (redisCluster == null || !redisCluster.isRunning()) {
            if (redisCluster != null) {
                redisCluster.close();
            }
            addShutdownHookOnce();
            redisCluster = RedisClusterDevService.start();
        }
        return redisCluster;
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
        if (redisCluster != null) {
            redisCluster.close();
            redisCluster = null;
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
     * Called by the Spring Boot integration once it has started a server: the servers then stop only after
     * Spring Boot's shutdown hook has closed its contexts. It hands back the action to register as a
     * Spring Boot shutdown handler ({@code SpringApplication.getShutdownHandlers()}, run after every
     * context is closed), or {@code null} when one is registered already.
     *
     * @return the handler that tells the JVM hook Spring Boot is done, or {@code null}
     */
    public static synchronized Runnable stopAfterSpringBoot() {
        if (springBootContextsClosed != null) {
            return null;
        }
        CountDownLatch closed = new CountDownLatch(1);
        springBootContextsClosed = closed;
        return closed::countDown;
    }

    /**
     * JVM shutdown hooks run concurrently: stopping the servers while Spring still closes its
     * contexts would make Redisson, RocketMQ clients and Dubbo fail against servers that vanish under
     * them — Dubbo then retried unregistering from the vanished ZooKeeper for more than 30 s per JVM
     * exit. A snapshot of the running threads is not enough to wait for Spring: the JVM starts the
     * hooks one after another, so this one may look before Spring's has started. Under Spring Boot it
     * therefore waits for the shutdown handler registered through {@link #stopAfterSpringBoot()};
     * plain Spring's own hook thread is still joined if it is seen.
     */
    private static void stopAfterSpringContexts() {
        long deadline = System.nanoTime() + SPRING_SHUTDOWN_WAIT.toNanos();
        CountDownLatch bootClosed;
        synchronized (DevServices.class) {
            bootClosed = springBootContextsClosed;
        }
        try {
            if (bootClosed != null && !awaitSpringBoot(bootClosed, deadline)) {
                log.warn("Spring Boot did not close its contexts within {}; stopping the dev services anyway",
                        SPRING_SHUTDOWN_WAIT);
            }
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (SPRING_SHUTDOWN_THREADS.contains(thread.getName()) && thread != Thread.currentThread()) {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (DevServices.class) {
            if (rocketMq != null) {
                rocketMq.discardAtJvmExit();
                rocketMq = null;
            }
        }
        stopAll();
    }

    /*
     * Waits for Boot's handler. Boot's hook thread may not have started yet (the race above), so its
     * absence only counts after a grace period: an application that switched Boot's shutdown hook off
     * (spring.main.register-shutdown-hook=false) never runs the handler and must not wait 30 s to exit.
     */
    private static boolean awaitSpringBoot(CountDownLatch bootClosed, long deadline) throws InterruptedException {
        long graceEnd = System.nanoTime() + SPRING_HOOK_GRACE.toNanos();
        while (!bootClosed.await(20, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return false;
            }
            if (now - graceEnd >= 0 && !isRunning("SpringApplicationShutdownHook")) {
                return true;
            }
        }
        return true;
    }

    private static boolean isRunning(String threadName) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threadName.equals(thread.getName())) {
                return true;
            }
        }
        return false;
    }
}
