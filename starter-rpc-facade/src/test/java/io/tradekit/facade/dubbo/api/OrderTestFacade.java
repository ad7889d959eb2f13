package io.tradekit.facade.dubbo.api;

import io.tradekit.core.log.Sensitive;
import io.tradekit.core.log.SensitiveType;
import io.tradekit.core.response.SingleResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The Dubbo API of the tests: constraints live on the interface, as Hibernate Validator requires. */
public interface OrderTestFacade {

    SingleResponse<String> create(@Valid CreateOrderRequest request);

    SingleResponse<String> createPremium(@Valid CreateOrderRequest request);

    SingleResponse<String> find(@NotBlank String orderId, @Min(1) int quantity);

    SingleResponse<String> bindMobile(@NotBlank @Sensitive(type = SensitiveType.MOBILE) String mobile);

    /** Echoes the note, so that hostile text travels in both request and response. */
    SingleResponse<String> echo(@Valid CreateOrderRequest request);

    /** Misbehaves as {@code mode} says: biz, npe, system, null, no-code-success, no-code-failure, interrupted. */
    SingleResponse<String> misbehave(String mode);

    /** Returns the trace id the provider sees in its MDC. */
    SingleResponse<String> traceId();
}
