package io.tradekit.benchmarks.facade;

import io.tradekit.core.response.SingleResponse;
import jakarta.validation.Valid;

/** The benchmark's RPC interface; constraints on the interface as Hibernate Validator requires. */
public interface BenchOrderFacade {

    SingleResponse<String> place(@Valid BenchOrderRequest request);
}
