package io.tradekit.core.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.tradekit.devservices.DevServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections with consolidated flushes, on a real Redis: the handler is at the head of the pipeline,
 * a lone caller is answered (no flush waits for company), many threads on one connection each get
 * their own replies, and shared resources survive the shutdown of the resources built on them.
 */
class FlushConsolidationTest {

    private static RedisURI uri;
    private static ClientResources resources;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        uri = RedisURI.create(DevServices.redis().uri());
        // A short command timeout: a flush that never happened would fail a call here instead of hanging.
        uri.setTimeout(Duration.ofSeconds(2));
        resources = FlushConsolidation.resources(null);
        client = RedisClient.create(resources, uri);
        connection = client.connect();
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
        resources.shutdown();
    }

    @Test
    void theHandlerIsTheFirstOfEveryChannel() {
        List<Channel> channels = new CopyOnWriteArrayList<>();
        ClientResources shared = ClientResources.builder().nettyCustomizer(new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(Channel channel) {
                channels.add(channel);
            }
        }).build();
        ClientResources own = FlushConsolidation.resources(shared);
        RedisClient recorded = RedisClient.create(own, uri);
        try (StatefulRedisConnection<String, String> c = recorded.connect()) {
            assertThat(c.sync().ping()).isEqualTo("PONG");
            // The shared resources' own customizer still ran, before ours.
            assertThat(channels).hasSize(1);
            assertThat(channels.get(0).pipeline().first()).isInstanceOf(FlushConsolidationHandler.class);
            assertThat(channels.get(0).pipeline().names().get(0)).isEqualTo(FlushConsolidation.HANDLER_NAME);
        } finally {
            recorded.shutdown();
            own.shutdown();
            shared.shutdown();
        }
    }

    @Test
    void aLoneCallerIsAnsweredCallAfterCall() {
        RedisCommands<String, String> sync = connection.sync();
        String key = "core:flush:lone:" + System.nanoTime();
        for (int i = 0; i < 500; i++) {
            // Each call alone on the connection: its flush must still happen (a deferred flush that never
            // ran would fail the call with a timeout after 2 s instead).
            assertThat(sync.set(key, "v" + i)).isEqualTo("OK");
            assertThat(sync.get(key)).isEqualTo("v" + i);
        }
        sync.del(key);
    }

    @Test
    void manyThreadsOnOneConnectionEachGetTheirOwnReplies() throws Exception {
        int threads = 32;
        int perThread = 300;
        String counter = "core:flush:counter:" + System.nanoTime();
        RedisCommands<String, String> sync = connection.sync();
        Set<Long> increments = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String own = counter + ":" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        increments.add(sync.incr(counter));
                        sync.set(own, Integer.toString(i));
                        // A reply meant for another thread would show up here as someone else's value.
                        assertThat(sync.get(own)).isEqualTo(Integer.toString(i));
                    }
                    sync.del(own);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every INCR ran exactly once and its reply reached exactly one caller.
        assertThat(increments).hasSize(threads * perThread);
        assertThat(increments).allMatch(v -> v >= 1 && v <= (long) threads * perThread);
        assertThat(sync.get(counter)).isEqualTo(Integer.toString(threads * perThread));
        sync.del(counter);
    }

    @Test
    void writesQueuedTogetherLeaveInFewerFlushes() throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong flushes = new AtomicLong();
        FlushConsolidation consolidation = new FlushConsolidation();
        ClientResources counted = ClientResources.builder().nettyCustomizer(new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(Channel channel) {
                consolidation.afterChannelInitialized(channel);
                // Between the consolidating handler and the socket: sees what actually goes out.
                channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                        writes.incrementAndGet();
                        ctx.write(msg, promise);
                    }

                    @Override
                    public void flush(ChannelHandlerContext ctx) {
                        flushes.incrementAndGet();
                        ctx.flush();
                    }
                });
            }
        }).build();
        RedisClient countedClient = RedisClient.create(counted, uri);
        int threads = 32;
        int perThread = 200;
        String counter = "core:flush:queued:" + System.nanoTime();
        try (StatefulRedisConnection<String, String> c = countedClient.connect()) {
            RedisCommands<String, String> sync = c.sync();
            long writesBefore = writes.get();
            long flushesBefore = flushes.get();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            sync.incr(counter);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            // Read the counters before the GET below, which is one more write and flush.
            long written = writes.get() - writesBefore;
            long flushed = flushes.get() - flushesBefore;
            long commands = (long) threads * perThread;
            assertThat(sync.get(counter)).isEqualTo(Long.toString(commands));
            assertThat(written).isEqualTo(commands);
            // Lettuce flushes each command; 32 callers on one connection queue up behind each other.
            assertThat(flushed).isLessThan(commands);
            sync.del(counter);
        } finally {
            countedClient.shutdown();
            counted.shutdown();
        }
    }

    @Test
    void sharedResourcesOutliveTheResourcesBuiltOnThem() throws Exception {
        ClientResources shared = ClientResources.create();
        try {
            ClientResources own = FlushConsolidation.resources(shared);
            assertThat(own.eventLoopGroupProvider()).isSameAs(shared.eventLoopGroupProvider());
            assertThat(own.eventExecutorGroup()).isSameAs(shared.eventExecutorGroup());
            assertThat(own.timer()).isSameAs(shared.timer());
            RedisClient onOwn = RedisClient.create(own, uri);
            try (StatefulRedisConnection<String, String> c = onOwn.connect()) {
                assertThat(c.sync().ping()).isEqualTo("PONG");
            }
            onOwn.shutdown();
            own.shutdown().get(10, TimeUnit.SECONDS);
            assertThat(shared.eventExecutorGroup().isShuttingDown()).isFalse();
            RedisClient onShared = RedisClient.create(shared, uri);
            try (StatefulRedisConnection<String, String> c = onShared.connect()) {
                assertThat(c.sync().ping()).isEqualTo("PONG");
            } finally {
                onShared.shutdown();
            }
        } finally {
            shared.shutdown();
        }
    }

    @Test
    void aConnectorShutsDownTheResourcesItOwnsAfterItsClient() throws Exception {
        ClientResources own = FlushConsolidation.resources(null);
        LettuceConnector connector = new LettuceConnector(RedisClient.create(own, uri), Duration.ofSeconds(2),
                Duration.ofSeconds(1), own);
        assertThat(connector.sync().ping()).isEqualTo("PONG");
        connector.close();
        assertThat(own.eventExecutorGroup().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aMissingDelegateIsRefused() {
        assertThatThrownBy(() -> new FlushConsolidation(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("delegate");
    }
}
