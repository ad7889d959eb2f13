/**
 * Dubbo integration of the provider side: {@link io.tradekit.facade.dubbo.FacadeTraceFilter}
 * takes the caller's trace id from the invocation attachment into the MDC.
 */
package io.tradekit.facade.dubbo;
