package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.order.domain.OrderIdGenerator;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * INTERIM until {@code shared.id.IdGenerator} (snowflake with a Redisson-leased worker id) is merged:
 * the integrator replaces this class with an adapter over it. Snowflake layout (41 bits of
 * milliseconds since 2026-01-01, 10 bits of worker, 12 bits of sequence) with a worker number taken
 * from a Redis counter at start-up, so instances on one Redis never share it (no lease: a restart
 * takes a new number; 1024 starts wrap around).
 */
@Component
class InterimOrderIdGenerator implements OrderIdGenerator {

    private static final long EPOCH = 1_767_225_600_000L;

    private final long worker;
    private long lastMillis = -1;
    private long sequence;

    InterimOrderIdGenerator(RedissonClient redisson) {
        this.worker = redisson.getAtomicLong("sample:order:id-worker").incrementAndGet() & 0x3FF;
    }

    @Override
    public synchronized long nextId() {
        long now = Math.max(System.currentTimeMillis(), lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & 0xFFF;
            if (sequence == 0) {
                now = lastMillis + 1;
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << 22) | (worker << 12) | sequence;
    }
}
