/**
 * The Spring AOP side of {@link io.tradekit.lock.DistributeLock}: the
 * {@link io.tradekit.lock.aop.DistributeLockAdvisor advisor} whose pointcut matches the
 * annotated methods (validated at start-up), the
 * {@link io.tradekit.lock.aop.DistributeLockInterceptor interceptor} delegating to
 * {@link io.tradekit.lock.DistributeLockTemplate}, and the
 * {@link io.tradekit.lock.aop.LockKeyResolver key resolver} caching each method's parsed metadata.
 */
package io.tradekit.lock.aop;
