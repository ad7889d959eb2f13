package io.tradekit.sample.nft.crash.hook;

import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.TransactionOutcome;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * The fault points of a crash test, in a child trade process: where an armed call ({@link FaultPoints})
 * parks its thread so that the test's {@code kill -9} finds the process exactly there.
 * <ul>
 *   <li>{@value FaultPoints#CREATE_COMMITTED}: a buy's local transaction returned COMMIT (Redis stock
 *   deducted, order CREATING), before the listener hands COMMIT to the broker;</li>
 *   <li>{@value FaultPoints#ORDER_WRITTEN}: the order consumer wrote the order inside the idempotency guard's
 *   transaction, before that transaction commits;</li>
 *   <li>{@value FaultPoints#CANCEL_COMMITTED}: a cancel's local transaction committed (order CANCELLED),
 *   before COMMIT reaches the broker; it first waits for a check-back that finds the cancel not ended yet
 *   (the race the tx-message starter's undecided window answers).</li>
 * </ul>
 * A parked process never answers a check-back for what it parked (that thread parks too): the check-back
 * that settles the message must come from another process. A parked thread that outlives
 * {@link #PARK_BOUND} halts the JVM: past a fault point nothing may continue as if no crash had come.
 */
@Aspect
public class CrashPointAspect {

    /** Far above the test's reaction (it kills within moments of the mark). */
    static final Duration PARK_BOUND = Duration.ofMinutes(2);
    /** How long a cancel waits for the check-back that races it: the broker's first one comes after 6 s. */
    static final Duration RACE_BOUND = Duration.ofSeconds(30);

    private final FaultPoints points;
    /** Order ids this process parked on: their check-backs park too. */
    private final Set<Long> parkedOrders = ConcurrentHashMap.newKeySet();

    public CrashPointAspect(FaultPoints points) {
        this.points = points;
    }

    @Around("execution(* io.tradekit.txmsg.LocalTransactionHandler+.execute(..)) && args(payload)")
    public Object localTransaction(ProceedingJoinPoint call, Object payload) throws Throwable {
        if (payload instanceof OrderMessages.Create buy && points.armedForMe(FaultPoints.CREATE_COMMITTED,
                buy.collectionId())) {
            Object outcome = call.proceed();
            if (outcome == TransactionOutcome.COMMIT) {
                park(FaultPoints.CREATE_COMMITTED, buy.orderId());
            }
            return outcome;
        }
        if (payload instanceof OrderMessages.Cancel cancel && points.claim(FaultPoints.CANCEL_COMMITTED,
                cancel.orderId())) {
            awaitRacingCheckBack(cancel.orderId());
            Object outcome = call.proceed();
            park(FaultPoints.CANCEL_COMMITTED, cancel.orderId());
            return outcome;
        }
        return call.proceed();
    }

    @Around("execution(* io.tradekit.txmsg.LocalTransactionHandler+.check(..)) && args(payload)")
    public Object checkBack(ProceedingJoinPoint call, Object payload) throws Throwable {
        if (payload instanceof OrderMessages.Create buy && parkedOrders.contains(buy.orderId())
                || payload instanceof OrderMessages.Cancel parkedCancel && parkedOrders.contains(parkedCancel.orderId())) {
            parkUntilKilled();
        }
        Object answer = call.proceed();
        if (payload instanceof OrderMessages.Cancel cancel && answer == TransactionOutcome.ROLLBACK) {
            points.mark("checked", FaultPoints.CANCEL_COMMITTED + "-" + cancel.orderId());
        }
        return answer;
    }

    @Around("execution(* io.tradekit.sample.nft.order.application.OrderCreation.write(..)) && args(message)")
    public Object orderWrite(ProceedingJoinPoint call, OrderMessages.Create message) throws Throwable {
        if (!points.claim(FaultPoints.ORDER_WRITTEN, message.collectionId())) {
            return call.proceed();
        }
        Object result = call.proceed();
        park(FaultPoints.ORDER_WRITTEN, message.orderId());
        return result;
    }

    /** Until a check-back found the cancel not ended (the order still CREATED), at most {@link #RACE_BOUND}. */
    private void awaitRacingCheckBack(long orderId) throws InterruptedException {
        long deadline = System.nanoTime() + RACE_BOUND.toNanos();
        while (!points.marked("checked", FaultPoints.CANCEL_COMMITTED + "-" + orderId)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void park(String point, long orderId) {
        parkedOrders.add(orderId);
        points.mark("parked", point + "-" + orderId);
        parkUntilKilled();
    }

    private static void parkUntilKilled() {
        try {
            Thread.sleep(PARK_BOUND.toMillis());
        } catch (InterruptedException e) {
            // a shutdown interrupts: still no way past the fault point
        }
        Runtime.getRuntime().halt(137);
    }
}
