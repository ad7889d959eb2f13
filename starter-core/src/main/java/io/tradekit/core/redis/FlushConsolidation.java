package io.tradekit.core.redis;

import io.lettuce.core.event.DefaultEventPublisherOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.util.Objects;

/**
 * A Lettuce {@link NettyCustomizer} that puts Netty's {@link FlushConsolidationHandler} at the head of
 * every channel's pipeline, so the commands many threads write to one shared connection between two
 * turns of its event loop leave in one socket write instead of one write each.
 *
 * <p>Lettuce flushes every command ({@code writeAndFlush}). Called from a caller's thread, each becomes
 * a task on the channel's event loop, and each task's flush is a {@code write(2)}. With
 * {@code consolidateWhenNoReadInProgress} the handler turns those flushes into one flush task queued
 * behind the writes already waiting (and flushes at {@code channelReadComplete} while a read is in
 * progress). No timer: a lone command is flushed on the next turn of the loop, one task later.
 * {@link #afterChannelInitialized} runs after Lettuce has added its own handlers, so {@code addFirst}
 * puts this one nearest the socket (below an SSL handler too), where it sees every flush.
 *
 * <p>Measured ({@code benchmarks/RESULTS.md}, tradekit-stock-lua, third pass): for 50 threads on one
 * connection the JVM's kernel CPU per call falls by ~40 % and pipelined async calls get faster, but
 * 50 <em>blocking</em> callers got 0.84–0.88× the throughput on a quiet machine; hence opt-in where a
 * starter offers it.
 */
public final class FlushConsolidation implements NettyCustomizer {

    /** Name of the handler in the channel pipeline. */
    public static final String HANDLER_NAME = "tradekit.flushConsolidation";

    private final NettyCustomizer delegate;

    /** Creates the customizer on its own. */
    public FlushConsolidation() {
        this(new NettyCustomizer() {
        });
    }

    /**
     * Creates the customizer after another one.
     *
     * @param delegate a customizer that runs first (e.g. the one of shared client resources), never {@code null}
     */
    public FlushConsolidation(NettyCustomizer delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Client resources whose connections consolidate flushes; the caller owns them and shuts them down
     * after the clients that use them.
     *
     * <p>With {@code shared} (e.g. Spring Boot's {@code ClientResources} bean) the new resources run on
     * its event loops, executor and timer, report to its event bus, latency recorder and tracing, resolve
     * addresses as it does, and run its Netty customizer first; shutting them down leaves all of those
     * alone (each is handed to the builder explicitly, which marks it shared); latency events stay with
     * {@code shared}'s publisher. Not
     * {@code shared.mutate()}: that copies the original's ownership flags, so shutting the copy down would
     * stop the executor and timer of resources it does not own.
     *
     * @param shared resources to build on, or {@code null} for resources of their own
     * @return new resources, never {@code null}
     */
    public static ClientResources resources(ClientResources shared) {
        if (shared == null) {
            return ClientResources.builder().nettyCustomizer(new FlushConsolidation()).build();
        }
        return ClientResources.builder()
                .eventLoopGroupProvider(shared.eventLoopGroupProvider())
                .eventExecutorGroup(shared.eventExecutorGroup())
                .timer(shared.timer())
                .eventBus(shared.eventBus())
                .commandLatencyRecorder(shared.commandLatencyRecorder())
                // The shared resources already publish this recorder's latencies: a second publisher would
                // send them twice (and, with a resetting collector, split them between the two).
                .commandLatencyPublisherOptions(DefaultEventPublisherOptions.disabled())
                .tracing(shared.tracing())
                .socketAddressResolver(shared.socketAddressResolver())
                .addressResolverGroup(shared.addressResolverGroup())
                .reconnectDelay(shared::reconnectDelay)
                .nettyCustomizer(new FlushConsolidation(shared.nettyCustomizer()))
                .build();
    }

    @Override
    public void afterBootstrapInitialized(Bootstrap bootstrap) {
        delegate.afterBootstrapInitialized(bootstrap);
    }

    @Override
    public void afterChannelInitialized(Channel channel) {
        delegate.afterChannelInitialized(channel);
        // One handler per channel: it keeps per-channel state (pending flushes, the scheduled flush).
        channel.pipeline().addFirst(HANDLER_NAME, new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }
}
