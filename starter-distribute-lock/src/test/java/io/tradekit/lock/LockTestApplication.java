package io.tradekit.lock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One "instance" of an application using @DistributeLock: Redisson from redisson-spring-boot-starter
 * on the dev-services Redis, H2 through spring-boot-starter-jdbc, @Transactional from Boot.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({LockedServices.CounterService.class, LockedServices.LedgerService.class, LockedServices.HoldService.class,
        LockedServices.FencedService.class, LockedServices.KeyService.class})
public class LockTestApplication {

    /** Short on purpose: the watchdog tests hold locks for several of these. */
    public static final long WATCHDOG_TIMEOUT_MS = 1000;

    /** Shared H2 in-memory database: both contexts of a test use the same one. */
    public static final String DB_URL = "jdbc:h2:mem:locktest;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    @Bean
    RedissonAutoConfigurationCustomizer shortWatchdog() {
        return config -> config.setLockWatchdogTimeout(WATCHDOG_TIMEOUT_MS);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    LostLocks lostLocks() {
        return new LostLocks();
    }

    /** Collects the {@link DistributeLockLostEvent}s published as application events. */
    public static class LostLocks {

        public final List<DistributeLockLostEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        public void on(DistributeLockLostEvent event) {
            events.add(event);
        }
    }

    /** Properties of one instance. */
    public static String[] properties(String name) {
        return new String[] {
                "spring.application.name=" + name,
                "spring.main.web-application-type=none",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + DB_URL,
                "spring.datasource.username=sa",
                "spring.datasource.hikari.maximum-pool-size=12",
                "tradekit.lock.lease-check-interval=200ms"
        };
    }

    static void createSchema(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS counter (id VARCHAR(64) PRIMARY KEY, val INT NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ledger (account VARCHAR(64) NOT NULL, entry INT NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS fenced (id VARCHAR(64) PRIMARY KEY, fence BIGINT NOT NULL, val VARCHAR(16))");
    }
}
