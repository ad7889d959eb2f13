package io.tradekit.txmsg;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.devservices.DevServices;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's local transaction on a real Redis (dev services): deduct = write a stream record
 * {@code txmsg:flow:<orderId>}; check-back = is the record there?
 */
public class RedisStockHandler implements LocalTransactionHandler<Deduct>, AutoCloseable {

    public static final String SCENE = "DEDUCT";

    private final RedisClient client = RedisClient.create(DevServices.redis().uri());
    private final StatefulRedisConnection<String, String> connection = client.connect();
    private final RedisCommands<String, String> redis = connection.sync();
    final Set<String> executed = ConcurrentHashMap.newKeySet();
    final Set<String> checked = ConcurrentHashMap.newKeySet();
    /** The trace id each local transaction and check-back ran with, by order. */
    final java.util.Map<String, String> executeTraces = new ConcurrentHashMap<>();
    final java.util.Map<String, String> checkTraces = new ConcurrentHashMap<>();

    @Override
    public String scene() {
        return SCENE;
    }

    @Override
    public TransactionOutcome execute(Deduct payload) {
        executed.add(payload.orderId());
        executeTraces.put(payload.orderId(), String.valueOf(io.tradekit.core.trace.TraceId.current()));
        switch (payload.mode()) {
            case "BIZ_FAIL" -> throw new BizException(CommonErrorCode.BIZ_ERROR, "insufficient stock");
            case "UNKNOWN_WITH_RECORD" -> {
                writeRecord(payload);
                return TransactionOutcome.UNKNOWN;
            }
            case "UNKNOWN_NO_RECORD" -> {
                return TransactionOutcome.UNKNOWN;
            }
            case "TIMEOUT_AFTER_WRITE" -> {
                writeRecord(payload);
                throw new RedisCommandTimeoutException("simulated: reply lost after the write");
            }
            default -> {
                writeRecord(payload);
                return TransactionOutcome.COMMIT;
            }
        }
    }

    @Override
    public TransactionOutcome check(Deduct payload) {
        checked.add(payload.orderId());
        checkTraces.put(payload.orderId(), String.valueOf(io.tradekit.core.trace.TraceId.current()));
        return redis.exists(recordKey(payload.orderId())) == 1 ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
    }

    boolean hasRecord(String orderId) {
        return redis.exists(recordKey(orderId)) == 1;
    }

    private void writeRecord(Deduct payload) {
        redis.set(recordKey(payload.orderId()), String.valueOf(payload.quantity()));
    }

    static String recordKey(String orderId) {
        return "txmsg:flow:" + orderId;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
