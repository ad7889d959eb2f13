package io.tradekit.facade.dubbo.provider;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.core.trace.TraceId;
import io.tradekit.facade.Facade;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.api.Premium;
import jakarta.validation.groups.Default;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.dubbo.config.annotation.DubboService;

/** The provider of the tests: every method is a facade through the type-level annotation. */
@DubboService
@Facade
public class OrderTestFacadeImpl implements OrderTestFacade {

    /** How many times a method body ran, to prove invalid calls never reach it. */
    public static final AtomicInteger BODY_RUNS = new AtomicInteger();

    @Override
    public SingleResponse<String> create(CreateOrderRequest request) {
        BODY_RUNS.incrementAndGet();
        return SingleResponse.of("order-" + request.getBuyerId());
    }

    @Override
    @Facade(groups = {Default.class, Premium.class})
    public SingleResponse<String> createPremium(CreateOrderRequest request) {
        BODY_RUNS.incrementAndGet();
        return SingleResponse.of("premium-" + request.getCouponCode());
    }

    @Override
    public SingleResponse<String> find(String orderId, int quantity) {
        BODY_RUNS.incrementAndGet();
        return SingleResponse.of(orderId + "x" + quantity);
    }

    @Override
    public SingleResponse<String> bindMobile(String mobile) {
        BODY_RUNS.incrementAndGet();
        return SingleResponse.of("bound");
    }

    @Override
    public SingleResponse<String> echo(CreateOrderRequest request) {
        BODY_RUNS.incrementAndGet();
        return SingleResponse.of(request.getNote());
    }

    @Override
    public SingleResponse<String> misbehave(String mode) {
        BODY_RUNS.incrementAndGet();
        switch (String.valueOf(mode)) {
            case "biz" -> throw new BizException(CommonErrorCode.NOT_FOUND, "order o-9 does not exist");
            case "npe" -> {
                String missing = null;
                return SingleResponse.of(String.valueOf(missing.length()));
            }
            case "system" -> throw new SystemException(CommonErrorCode.SERVICE_UNAVAILABLE, "db 10.0.0.7:3306 refused");
            case "null" -> {
                return null;
            }
            case "no-code-success" -> {
                SingleResponse<String> response = new SingleResponse<>();
                response.setSuccess(true);
                response.setData("done");
                return response;
            }
            case "no-code-failure" -> {
                return new SingleResponse<>();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    @Override
    public SingleResponse<String> traceId() {
        return SingleResponse.of(TraceId.current());
    }
}
