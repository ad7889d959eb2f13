package io.tradekit.sample.nft.inventory.infrastructure;

import io.tradekit.sample.nft.inventory.domain.StockFence;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link StockFence} from Redis' own identity: every {@code redis-server} process has a new
 * {@code run_id}. The key {@value #KEY} holds the run id(s) the stock was last known good on (written
 * at the first start, then by each complete repair). When Redis restarts — say after a {@code kill -9},
 * from an append-only file that lost its last second — the key comes back from the file with the old
 * run id, so every instance sees "run id ≠ verified run id" and refuses deductions until the
 * reconciliation has repaired the stock and {@link #lift(String) lifted} the fence.
 *
 * <p>Each instance checks every {@code sample.inventory.restart-guard.check-interval} (default 100 ms) on
 * a thread of its own, not a {@code @Scheduled} job: the fence is this instance's view, which every
 * instance must refresh (a cluster-wide lock would leave all but one blind). A deduction runs only if the
 * last successful check <em>started</em> at most {@code max-staleness} (default 300 ms) ago: while Redis
 * is down the checks fail or hang, the last good one ages, and deductions are refused; the first check
 * that succeeds after a restart already sees the new run id. So a deduction reaches a restarted,
 * unrepaired Redis only if the server was down for less than {@code max-staleness}. A deduction that
 * fails on a Redis error makes the next one check first. Fails closed: while Redis cannot be asked,
 * deductions are refused.
 * With Redis Cluster the run ids of all masters count, so a failover closes the fence too.
 */
@Component
class RedisRestartGuard implements StockFence, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisRestartGuard.class);

    /** Where the run id(s) of the last verified Redis live. */
    static final String KEY = "sample:inventory:verified-redis";
    /** How long a deduction waits for a check in progress before it is refused. */
    private static final Duration CHECK_WAIT = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final Duration interval;
    private final boolean enabled;
    private volatile State state = State.UNKNOWN;
    private volatile boolean suspect = true;
    private volatile String runIds = "";
    /** {@link System#nanoTime()} at the start of the last check that got an answer. */
    private volatile long lastGoodCheckStarted = System.nanoTime() - Duration.ofDays(1).toNanos();
    private final long maxStalenessNanos;
    private final java.util.concurrent.locks.ReentrantLock checking = new java.util.concurrent.locks.ReentrantLock();
    private volatile Instant fencedSince;
    private ScheduledExecutorService checker;

    /** Open: deduct. Fenced: Redis restarted, not repaired. Unknown: not asked yet or not answering. */
    enum State { OPEN, FENCED, UNKNOWN }

    RedisRestartGuard(StringRedisTemplate redis,
                      @Value("${sample.inventory.restart-guard.check-interval:PT0.1S}") Duration interval,
                      @Value("${sample.inventory.restart-guard.max-staleness:PT0.3S}") Duration maxStaleness,
                      @Value("${sample.inventory.restart-guard.enabled:true}") boolean enabled) {
        if (maxStaleness.compareTo(interval) <= 0) {
            throw new IllegalStateException("sample.inventory.restart-guard.max-staleness (" + maxStaleness
                    + ") must be longer than its check-interval (" + interval + ")");
        }
        this.redis = redis;
        this.interval = interval;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.enabled = enabled;
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            log.warn("sample.inventory.restart-guard.enabled=false: after a Redis restart buys go on before the"
                    + " stock is repaired, and a unit lost from Redis can be sold twice");
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sample-redis-restart-guard");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::checkUnderLock, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    @Override
    public boolean deductionsAllowed() {
        if (!enabled) {
            return true;
        }
        if (suspect || stale()) {
            // Wait for a check in progress, bounded, rather than refuse at once: on a busy machine the checker
            // thread can fall past max-staleness while Redis is fine (seen: a spurious 503 in a seckill). The
            // bound keeps a check hanging on a dead Redis from holding every buyer's thread for long.
            try {
                if (checking.tryLock(CHECK_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                    try {
                        if (suspect || stale()) {
                            check();
                        }
                    } finally {
                        checking.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return state == State.OPEN && !stale();
    }

    private boolean stale() {
        return System.nanoTime() - lastGoodCheckStarted > maxStalenessNanos;
    }

    @Override
    public void suspect() {
        suspect = true;
    }

    @Override
    public Optional<Instant> fencedSince() {
        Instant since = fencedSince;
        return state == State.FENCED && since != null ? Optional.of(since) : Optional.empty();
    }

    @Override
    public String serverIdentity() {
        return runIds;
    }

    /**
     * Marks the Redis with run id(s) {@code repairedOn} as verified, if it is still the one running (a
     * restart during the repair leaves the fence closed for the next pass). Every instance opens at its
     * next check.
     */
    @Override
    public boolean lift(String repairedOn) {
        String now = redis.execute((RedisCallback<String>) RedisRestartGuard::runIdsOf);
        if (now == null || !now.equals(repairedOn)) {
            return false;
        }
        redis.opsForValue().set(KEY, repairedOn);
        checkUnderLock();
        return state == State.OPEN;
    }

    private void checkUnderLock() {
        checking.lock();
        try {
            check();
        } finally {
            checking.unlock();
        }
    }

    /** Asks Redis for its run id(s) and the verified ones; synchronized: the checker and a deduction may both ask. */
    synchronized void check() {
        State next;
        long started = System.nanoTime();
        try {
            String current = redis.execute((RedisCallback<String>) RedisRestartGuard::runIdsOf);
            // Absent: the first start on this Redis (or one that lost everything, where no stock is left to sell).
            redis.opsForValue().setIfAbsent(KEY, current);
            String verified = redis.opsForValue().get(KEY);
            runIds = current;
            next = current.equals(verified) ? State.OPEN : State.FENCED;
            suspect = false;
            lastGoodCheckStarted = started;
        } catch (RuntimeException e) {
            next = State.UNKNOWN;
            suspect = true;
        }
        transit(next);
    }

    private void transit(State next) {
        State before = state;
        if (before == next) {
            return;
        }
        state = next;
        if (next == State.FENCED) {
            fencedSince = Instant.now();
            log.warn("Redis restarted (run id changed): stock deductions are refused (503 STOCK_FENCED) until the"
                    + " stock reconciliation has repaired Redis");
        } else if (next == State.OPEN) {
            if (before == State.FENCED) {
                log.warn("Redis stock repaired after its restart: stock deductions resume");
            }
            fencedSince = null;
        } else if (before == State.OPEN) {
            log.warn("Redis does not answer the restart check: stock deductions are refused until it does");
        }
    }

    private static String runIdsOf(RedisConnection connection) {
        Properties info = connection.serverCommands().info("server");
        TreeSet<String> ids = new TreeSet<>();
        if (info != null) {
            info.forEach((key, value) -> {
                if (key.toString().endsWith("run_id")) {
                    ids.add(value.toString());
                }
            });
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("INFO server carries no run_id");
        }
        return String.join(",", ids);
    }
}
