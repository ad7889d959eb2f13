package io.tradekit.sample.nft.shared.id;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases one worker id (0..1023) for {@link IdGenerator} from Redis, so that two instances (or two
 * application contexts in one JVM) never generate ids on the same worker id.
 *
 * <p>A lease is the key {@code keyPrefix + id} set with {@code SET NX PX} to a random owner token.
 * A daemon thread renews it every third of the TTL with a script that extends the key only while
 * it still holds this owner's token; {@link #close()} deletes it the same way. {@link #workerId()}
 * refuses to answer once the lease may have lapsed locally (no renewal for the whole TTL, measured
 * from before the last successful Redis call), so a paused or partitioned instance fails instead
 * of colliding with the instance that took its id over. A lease lost to another owner is replaced
 * by claiming a new free id at the next renewal.
 */
public final class WorkerIdHolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerIdHolder.class);

    /** The number of worker ids: ids are 0..{@value} - 1. */
    public static final int WORKER_IDS = IdGenerator.MAX_WORKER_ID + 1;

    // Extends our own lease; re-takes it when it expired meanwhile and nobody else took it.
    private static final String RENEW = """
            local owner = redis.call('get', KEYS[1])
            if owner == ARGV[1] then
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            if not owner then
              if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
            end
            return 0
            """;

    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """;

    private final RedissonClient redisson;
    private final String keyPrefix;
    private final Duration ttl;
    private final Duration renewInterval;
    private final String owner = UUID.randomUUID().toString();
    private final LongSupplier nanoClock;

    // One daemon thread renews the leases of every holder in this JVM (usually one, in tests many).
    private static final ScheduledExecutorService RENEWER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "worker-id-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private volatile int workerId = -1;
    private volatile long validUntilNanos;
    private volatile boolean closed;
    private ScheduledFuture<?> renewal;

    /**
     * Creates a holder; {@link #start()} claims the id.
     *
     * @param redisson      the Redis the leases live in (shared by all instances)
     * @param keyPrefix     namespace of the lease keys, e.g. {@code "sample:id:worker:"}
     * @param ttl           how long a lease lives without renewal (at least one second)
     * @param renewInterval how often the lease is renewed (less than half the TTL)
     */
    public WorkerIdHolder(RedissonClient redisson, String keyPrefix, Duration ttl, Duration renewInterval) {
        this(redisson, keyPrefix, ttl, renewInterval, System::nanoTime);
    }

    /** As above, on a given monotonic clock (tests let a lease lapse without waiting). */
    WorkerIdHolder(RedissonClient redisson, String keyPrefix, Duration ttl, Duration renewInterval,
            LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("keyPrefix must not be blank");
        }
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ttl must be at least 1s");
        }
        if (renewInterval == null || renewInterval.isNegative() || renewInterval.isZero()
                || renewInterval.multipliedBy(2).compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("renewInterval must be positive and less than half the ttl");
        }
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.renewInterval = renewInterval;
    }

    /**
     * Claims a free worker id and starts renewing it.
     *
     * @throws IllegalStateException when all {@value #WORKER_IDS} ids are leased, or after close
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("WorkerIdHolder is closed");
        }
        if (renewal != null) {
            return;
        }
        claim();
        long period = renewInterval.toMillis();
        renewal = RENEWER.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The leased worker id.
     *
     * @return 0..1023
     * @throws IllegalStateException when no lease is held or it may have lapsed
     */
    public int workerId() {
        int id = workerId;
        if (id < 0) {
            throw new IllegalStateException("No worker id is leased (not started, closed, or lost)");
        }
        if (nanoClock.getAsLong() - validUntilNanos > 0) {
            throw new IllegalStateException("The lease of worker id " + id + " was not renewed within "
                    + ttl + ": refusing ids another instance may generate too");
        }
        return id;
    }

    /** Renews the lease now (the renewal thread calls it; tests call it directly). */
    synchronized boolean renew() {
        int id = workerId;
        if (closed) {
            return false;
        }
        if (id < 0) {
            claim();
            return true;
        }
        long before = nanoClock.getAsLong();
        Long renewed = script().eval(RScript.Mode.READ_WRITE, RENEW, RScript.ReturnType.INTEGER,
                List.of(keyPrefix + id), owner, String.valueOf(ttl.toMillis()));
        if (renewed != null && renewed == 1L) {
            validUntilNanos = before + ttl.toNanos();
            return true;
        }
        log.error("Worker id {} under {} is leased by another owner now; claiming a new one", id, keyPrefix);
        workerId = -1;
        claim();
        return true;
    }

    /** Stops renewing and releases the lease if this holder still owns it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (renewal != null) {
            renewal.cancel(false);
        }
        int id = workerId;
        workerId = -1;
        if (id >= 0) {
            try {
                script().eval(RScript.Mode.READ_WRITE, RELEASE, RScript.ReturnType.INTEGER,
                        List.of(keyPrefix + id), owner);
            } catch (RuntimeException e) {
                log.warn("Could not release worker id {}; it expires after {}", id, ttl, e);
            }
        }
    }

    private void claim() {
        int start = ThreadLocalRandom.current().nextInt(WORKER_IDS);
        for (int i = 0; i < WORKER_IDS; i++) {
            int candidate = (start + i) % WORKER_IDS;
            long before = nanoClock.getAsLong();
            if (redisson.<String>getBucket(keyPrefix + candidate, StringCodec.INSTANCE).setIfAbsent(owner, ttl)) {
                validUntilNanos = before + ttl.toNanos();
                workerId = candidate;
                log.info("Leased worker id {} under {} for {}", candidate, keyPrefix, ttl);
                return;
            }
        }
        throw new IllegalStateException("All " + WORKER_IDS + " worker ids under " + keyPrefix + " are leased");
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // Redis unreachable: keep trying; workerId() fails once the lease may have lapsed.
            log.warn("Could not renew worker id {} under {}", workerId, keyPrefix, e);
        }
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }
}
