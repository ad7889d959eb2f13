/**
 * The response envelope returned by every RPC facade and HTTP endpoint.
 *
 * <p>{@link io.tradekit.core.response.BaseResponse} holds the outcome (success flag, code,
 * message); {@link io.tradekit.core.response.SingleResponse},
 * {@link io.tradekit.core.response.MultiResponse} and {@link io.tradekit.core.response.PageResponse}
 * add the payload. Every type has a public no-arg constructor and setters because Hessian (Dubbo)
 * and Jackson build instances reflectively; the static factories are for application code.
 */
package io.tradekit.core.response;
