package io.tradekit.benchmarks.facade;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.Facade;

/** The one bean class both proxies wrap: a trivial body, so the aspects' cost dominates. */
@Facade
public class BenchOrderFacadeImpl implements BenchOrderFacade {

    @Override
    public SingleResponse<String> place(BenchOrderRequest request) {
        return SingleResponse.of(request.getBuyerId() + ":" + request.getItemId() + "x" + request.getQuantity());
    }
}
