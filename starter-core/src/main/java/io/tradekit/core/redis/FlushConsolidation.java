package io.tradekit.core.redis;

import io.lettuce.core.event.DefaultEventPublisherOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;

import java.util.Objects;

/**
 * A Lettuce {@link NettyCustomizer} that puts a flush-consolidating handler at the head of every
 * channel's pipeline, so the commands many threads write to one shared connection leave in one socket
 * write instead of one write each, while a lone command is still flushed at once.
 *
 * <p>Lettuce flushes every command ({@code writeAndFlush}). Called from a caller's thread, each becomes
 * a task on the channel's event loop, and each task's flush is a {@code write(2)}. The handler
 * ({@code FlushBehindQueuedWrites}) folds the flushes of writes that are already queued into one flush
 * behind them, and flushes at once when nothing else is queued: no timer, no extra hop for a lone call.
 * {@link #afterChannelInitialized} runs after Lettuce has added its own handlers, so {@code addFirst}
 * puts this one nearest the socket (below an SSL handler too), where it sees every flush.
 *
 * <p>Measured in {@code benchmarks/RESULTS.md} (tradekit-stock-lua, third pass), against Netty's
 * {@code FlushConsolidationHandler} and Lettuce's plain flush per command.
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
        // One handler per channel: it keeps per-channel state (whether a flush is queued).
        channel.pipeline().addFirst(HANDLER_NAME, new FlushBehindQueuedWrites());
    }
}
