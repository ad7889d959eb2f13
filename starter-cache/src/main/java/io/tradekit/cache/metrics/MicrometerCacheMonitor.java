package io.tradekit.cache.metrics;

import com.alicp.jetcache.CacheMonitor;
import com.alicp.jetcache.CacheResultCode;
import com.alicp.jetcache.event.CacheEvent;
import com.alicp.jetcache.event.CacheGetEvent;
import com.alicp.jetcache.event.CacheLoadEvent;
import com.alicp.jetcache.event.CachePutAllEvent;
import com.alicp.jetcache.event.CachePutEvent;
import com.alicp.jetcache.event.CacheRemoveAllEvent;
import com.alicp.jetcache.event.CacheRemoveEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Counts one cache's operations into Micrometer; the meters are created once, up front. */
final class MicrometerCacheMonitor implements CacheMonitor {

    private final Counter hits;
    private final Counter misses;
    private final Counter getErrors;
    private final Timer loadSuccesses;
    private final Timer loadFailures;
    private final Counter puts;
    private final Counter removals;

    MicrometerCacheMonitor(MeterRegistry registry, String cache) {
        hits = counter(registry, "tradekit.cache.gets", cache, "hit", "Reads answered by the cache");
        misses = counter(registry, "tradekit.cache.gets", cache, "miss", "Reads the cache could not answer");
        getErrors = counter(registry, "tradekit.cache.gets", cache, "error", "Reads that failed (treated as misses)");
        loadSuccesses = timer(registry, cache, "success");
        loadFailures = timer(registry, cache, "failure");
        puts = Counter.builder("tradekit.cache.puts").tag("cache", cache).description("Writes into the cache")
                .register(registry);
        removals = Counter.builder("tradekit.cache.removals").tag("cache", cache)
                .description("Invalidations of cache entries").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String cache, String result, String description) {
        return Counter.builder(name).tag("cache", cache).tag("result", result).description(description).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String cache, String result) {
        return Timer.builder("tradekit.cache.loads").tag("cache", cache).tag("result", result)
                .description("Calls of the cached method on a miss").register(registry);
    }

    @Override
    public void afterOperation(CacheEvent event) {
        if (event instanceof CacheGetEvent get) {
            CacheResultCode code = get.getResult().getResultCode();
            if (code == CacheResultCode.SUCCESS) {
                hits.increment();
            } else if (code == CacheResultCode.NOT_EXISTS || code == CacheResultCode.EXPIRED) {
                misses.increment();
            } else {
                getErrors.increment();
            }
        } else if (event instanceof CacheLoadEvent load) {
            (load.isSuccess() ? loadSuccesses : loadFailures).record(load.getMillis(), TimeUnit.MILLISECONDS);
        } else if (event instanceof CachePutEvent || event instanceof CachePutAllEvent) {
            puts.increment();
        } else if (event instanceof CacheRemoveEvent || event instanceof CacheRemoveAllEvent) {
            removals.increment();
        }
    }
}
