/**
 * The AOP pipeline of {@link io.tradekit.facade.Facade}: {@link io.tradekit.facade.aop.FacadeAdvisor}
 * (pointcut) → {@link io.tradekit.facade.aop.FacadeInterceptor} (validation, error codes, log line,
 * timer) over per-method metadata computed once by {@link io.tradekit.facade.aop.FacadeMethodRegistry};
 * {@link io.tradekit.facade.aop.FacadeBeanMethods} finds the annotated methods and
 * {@link io.tradekit.facade.aop.FacadeMethodVerifier} refuses, at start-up, those that cannot take effect.
 */
package io.tradekit.facade.aop;
