package io.tradekit.sample.nft.order;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.inventory.api.StockRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * A Dubbo consumer filter (test classpath only) that loses the order context's call to the inventory's
 * Redis deduction the way a network does: the reply after the provider did the work, or the request
 * before it did. The caller sees a Dubbo timeout either way and cannot tell which, so the buy's local
 * transaction reports UNKNOWN and the broker's check-back has to decide.
 *
 * <p>Armed per identifier (the buy's anti-duplicate token), so every other call passes untouched.
 * It also records what the check-back's {@code deducted} query answered for an armed identifier.
 */
@Activate(group = CommonConstants.CONSUMER, order = -30000)
public class LostReplyFilter implements Filter {

    /** Identifiers whose next deduction runs on the provider, and whose reply is then lost. */
    static final Set<String> LOSE_REPLY = ConcurrentHashMap.newKeySet();
    /** Identifiers whose next deduction request is lost before it reaches the provider. */
    static final Set<String> LOSE_REQUEST = ConcurrentHashMap.newKeySet();
    /** Identifiers whose deduction call was lost, and how ("reply" or "request"). */
    static final Map<String, String> LOST = new ConcurrentHashMap<>();
    /** What {@code InventoryFacade.deducted} answered for a lost identifier (the check-back's question). */
    static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        String method = invocation.getMethodName();
        Object[] args = invocation.getArguments();
        if ("deduct".equals(method) && args.length == 1 && args[0] instanceof StockRequest request) {
            if (LOSE_REQUEST.remove(request.identifier())) {
                LOST.put(request.identifier(), "request");
                throw new RpcException(RpcException.TIMEOUT_EXCEPTION, "injected: the deduction request was lost");
            }
            if (LOSE_REPLY.remove(request.identifier())) {
                Result done = completed(invoker.invoke(invocation));
                LOST.put(request.identifier(), "reply");
                throw new RpcException(RpcException.TIMEOUT_EXCEPTION, "injected: the deduction's reply was lost after "
                        + (done.hasException() ? "a failure" : "it ran"));
            }
        }
        Result result = invoker.invoke(invocation);
        if ("deducted".equals(method) && args.length == 2 && args[1] instanceof String identifier
                && LOST.containsKey(identifier)) {
            return result.whenCompleteWithContext((response, failure) -> {
                if (failure == null && response.getValue() instanceof SingleResponse<?> answer && answer.isSuccess()) {
                    CHECKED.put(identifier, Boolean.TRUE.equals(answer.getData()));
                }
            });
        }
        return result;
    }

    /** Waits for the provider to finish: the lost reply must follow work that really happened. */
    private static Result completed(Result result) {
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RpcException(e);
        }
    }
}
