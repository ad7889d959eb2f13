package io.tradekit.cache.plain;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.CacheUpdate;
import com.alicp.jetcache.anno.Cached;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Prices read through a two-level cache, and the write that must reach every instance's local copy. */
public class PriceService {

    /** The database both instances share (one JVM): what a load reads and an update writes. */
    public static final Map<Long, String> STORE = new ConcurrentHashMap<>();

    // Read through methods: the bean is a CGLIB proxy whose own fields are never set.
    private final AtomicInteger loads = new AtomicInteger();

    @Cached(name = "priceCache", key = "#id", expire = 60, cacheType = CacheType.BOTH)
    public String price(long id) {
        loads.incrementAndGet();
        return STORE.get(id);
    }

    @CacheUpdate(name = "priceCache", key = "#id", value = "#price")
    public void update(long id, String price) {
        STORE.put(id, price);
    }

    /** How many reads reached the store in this instance. */
    public int loads() {
        return loads.get();
    }
}
