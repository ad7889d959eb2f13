package io.tradekit.sample.nft.crash;

import io.tradekit.sample.nft.order.TradingClient;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded seckill from the test JVM, running in the background while the test injects its fault:
 * {@code attempts} buys of one unit each (a fresh token, then the buy), spread round-robin over the trade
 * processes and the buyers, every answer kept with the moment it came.
 */
final class Seckill {

    static final BigDecimal PRICE = new BigDecimal("1.00");
    static final String ACCEPTED = "ACCEPTED";
    static final String PENDING = "PENDING";
    /** The process did not take the connection: it was down; a load balancer would have gone elsewhere. */
    static final String PROCESS_DOWN = "refused: process down";
    /** The connection broke with the request in flight: the buyer cannot know what happened. */
    static final String NO_ANSWER = "no answer (unknown)";

    /** One attempt's answer: {@code outcome} is ACCEPTED, PENDING, {@code <status> <code>} or a connection failure. */
    record Attempt(String target, String buyer, String outcome, String orderId, long atNanos) {
    }

    private final List<Target> targets;
    private final List<String> buyers;
    private final long collectionId;
    private final int attempts;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Attempt> answers = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    /** A trade process the seckill sends to. */
    record Target(String name, TradingClient client) {
    }

    private Seckill(List<Target> targets, List<String> buyers, long collectionId, int attempts, int threads) {
        this.targets = List.copyOf(targets);
        this.buyers = List.copyOf(buyers);
        this.collectionId = collectionId;
        this.attempts = attempts;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Starts {@code attempts} buys on {@code threads} threads; returns at once. */
    static Seckill start(List<Target> targets, List<String> buyers, long collectionId, int attempts, int threads) {
        Seckill seckill = new Seckill(targets, buyers, collectionId, attempts, threads);
        for (int i = 0; i < threads; i++) {
            seckill.workers.add(seckill.pool.submit(seckill::work));
        }
        return seckill;
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
            Target target = targets.get(i % targets.size());
            String buyer = buyers.get(i % buyers.size());
            answers.add(attempt(target, buyer));
        }
    }

    private Attempt attempt(Target target, String buyer) {
        TradingClient client = target.client();
        try {
            String token = client.token(buyer, "buy");
            TradingClient.Answer answer = client.buy(buyer, token, collectionId, 1, PRICE);
            if (answer.ok()) {
                return new Attempt(target.name(), buyer, answer.data().path("status").asText(),
                        answer.data().path("orderId").asText(), System.nanoTime());
            }
            return new Attempt(target.name(), buyer, answer.status() + " " + answer.code(), null, System.nanoTime());
        } catch (UncheckedIOException e) {
            boolean down = e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException;
            return new Attempt(target.name(), buyer, down ? PROCESS_DOWN : NO_ANSWER, null, System.nanoTime());
        } catch (AssertionError tokenRefused) {
            // TradingClient.token asserts success: the token endpoint answered an error
            return new Attempt(target.name(), buyer, "token refused", null, System.nanoTime());
        }
    }

    /** Waits until {@code count} attempts were answered (or the seckill ended), at most {@code bound}. */
    void awaitAnswered(int count, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (answers.size() < Math.min(count, attempts)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + answers.size() + " of " + count + " attempts answered within "
                        + bound + " (the bound of this wait)");
            }
            Thread.sleep(20);
        }
    }

    /** The answers so far. */
    List<Attempt> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** Waits for every attempt (at most {@code bound}) and returns all answers. */
    List<Attempt> finish(Duration bound) throws Exception {
        try {
            long deadline = System.nanoTime() + bound.toNanos();
            for (Future<?> worker : workers) {
                worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return answers();
    }

    /** Answers by outcome. */
    static Map<String, Integer> count(List<Attempt> attempts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Attempt attempt : attempts) {
            counts.merge(attempt.outcome(), 1, Integer::sum);
        }
        return counts;
    }

    /** Answers that came between two moments ({@link System#nanoTime()}), by outcome. */
    static Map<String, Integer> countBetween(List<Attempt> attempts, long fromNanos, long toNanos) {
        return count(attempts.stream().filter(a -> a.atNanos() >= fromNanos && a.atNanos() <= toNanos).toList());
    }

    /** The order ids of the buys answered ACCEPTED. */
    static List<String> accepted(List<Attempt> attempts) {
        return attempts.stream().filter(a -> ACCEPTED.equals(a.outcome())).map(Attempt::orderId).toList();
    }
}
