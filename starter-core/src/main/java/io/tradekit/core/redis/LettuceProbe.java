package io.tradekit.core.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health probe of a {@link LettuceConnector}: {@code PING}, then {@code SCRIPT EXISTS} for the
 * starter's scripts, each waited on at most the probe's timeout. Used by the Redis-backed starters'
 * health indicators; free of Actuator so that this package keeps its dependencies.
 *
 * <p>Asynchronous commands with an explicit wait, not the blocking ones: the wait is then bounded by
 * this probe's own timeout whatever the connection's command timeout is. A connector that is not
 * connected fails at once ({@link LettuceConnector#sync()}) or after its connect timeout.
 */
public final class LettuceProbe {

    private LettuceProbe() {
    }

    /**
     * Pings Redis and counts which of {@code scripts} its script cache holds.
     *
     * @param connector the starter's shared connection
     * @param scripts   the starter's scripts (none for a plain ping)
     * @param timeout   the longest wait for each of the two round trips
     * @return details: {@code ping} (the reply) and, with scripts, {@code scriptsLoaded} ("n/m"); a
     *         script not loaded is no failure, it is loaded again on its first {@code NOSCRIPT}
     * @throws Exception the Redis failure, or a {@link TimeoutException} naming the wait
     */
    public static Map<String, Object> probe(LettuceConnector connector, List<RedisScript> scripts, Duration timeout)
            throws Exception {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(timeout, "timeout");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ping", await(connector.async().ping().toCompletableFuture(), timeout, "PING"));
        if (!scripts.isEmpty()) {
            String[] shas = scripts.stream().map(RedisScript::sha).toArray(String[]::new);
            List<Boolean> loaded = await(connector.async().scriptExists(shas).toCompletableFuture(), timeout,
                    "SCRIPT EXISTS");
            long count = loaded.stream().filter(Boolean.TRUE::equals).count();
            details.put("scriptsLoaded", count + "/" + shas.length);
        }
        return details;
    }

    private static <T> T await(CompletableFuture<T> reply, Duration timeout, String command)
            throws Exception {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new TimeoutException(command + " got no reply within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
