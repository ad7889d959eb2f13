package io.tradekit.core.redis;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;

import java.util.concurrent.RejectedExecutionException;

/**
 * Defers a flush only while more tasks wait on the channel's event loop, and then to a single flush
 * queued behind them; with nothing waiting it flushes at once.
 *
 * <p>Commands written from caller threads reach the event loop as one task each, and Lettuce flushes
 * every one: a {@code write(2)} per command. When tasks are waiting (other callers' writes), their
 * flushes are folded into one flush task queued after them. A lone caller's write finds the queue
 * empty and is flushed immediately, so it waits for nothing. Netty's {@code FlushConsolidationHandler}
 * with {@code consolidateWhenNoReadInProgress} defers every flush by one task, lone or not: measured
 * here as a slower lone round trip and, for 50 blocking callers, lower throughput (see
 * {@code benchmarks/RESULTS.md}, tradekit-stock-lua, third pass). Not sharable: per-channel state.
 */
final class FlushBehindQueuedWrites extends ChannelDuplexHandler {

    private ChannelHandlerContext context;
    private boolean flushQueued;
    private final Runnable queuedFlush = this::runQueuedFlush;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (flushQueued) {
            return;
        }
        if (othersWaiting(ctx.executor())) {
            flushQueued = true;
            try {
                ctx.executor().execute(queuedFlush);
                return;
            } catch (RejectedExecutionException e) {
                // The loop is shutting down: flush now rather than never.
                flushQueued = false;
            }
        }
        ctx.flush();
    }

    /** Called on the event loop only (handler methods and the queued task), so the fields need no locking. */
    private void runQueuedFlush() {
        if (flushQueued) {
            flushQueued = false;
            context.flush();
        }
    }

    private static boolean othersWaiting(EventExecutor executor) {
        // O(1) for Netty's NIO/epoll loops (an MPSC queue's size from its indices). Other executors: flush now.
        return executor instanceof SingleThreadEventExecutor loop && loop.pendingTasks() > 0;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable()) {
            // The outbound buffer is full: send it rather than wait for the queued flush.
            runQueuedFlush();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        runQueuedFlush();
        ctx.close(promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        runQueuedFlush();
        ctx.disconnect(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        runQueuedFlush();
    }
}
