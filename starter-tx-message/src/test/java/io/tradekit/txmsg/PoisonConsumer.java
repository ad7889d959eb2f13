package io.tradekit.txmsg;

import io.tradekit.txmsg.consumer.DeadLetter;
import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer that always fails: every message ends in its dead-letter queue. */
public class PoisonConsumer extends TransactionalMessageConsumer<Deduct> {

    static final int MAX_RECONSUME_TIMES = 2;

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<Deduct> deadPayloads = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    /** The trace id the dead-letter hook ran with, by order. */
    final Map<String, String> deadTraces = new ConcurrentHashMap<>();

    public PoisonConsumer(String topic, String group) {
        super(topic, group, Deduct.class);
    }

    @Override
    public int maxReconsumeTimes() {
        return MAX_RECONSUME_TIMES;
    }

    @Override
    protected void consume(Deduct payload, MessageContext context) {
        attempts.computeIfAbsent(payload.orderId(), k -> new AtomicInteger()).incrementAndGet();
        throw new IllegalStateException("poison: cannot consume " + payload.orderId());
    }

    @Override
    protected void onDeadLetter(Deduct payload, DeadLetter letter) {
        deadPayloads.add(payload);
        deadTraces.put(payload.orderId(), String.valueOf(io.tradekit.core.trace.TraceId.current()));
        deadLetters.add(letter);
    }
}
