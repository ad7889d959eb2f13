/**
 * Error codes and the unchecked exceptions that carry them.
 *
 * <p>An {@link io.tradekit.core.error.ErrorCode} is the stable, machine-readable part of a
 * failure; {@link io.tradekit.core.error.BizException} and
 * {@link io.tradekit.core.error.SystemException} transport one through the call stack until an
 * aspect turns it into a failed {@link io.tradekit.core.response.BaseResponse}.
 */
package io.tradekit.core.error;
