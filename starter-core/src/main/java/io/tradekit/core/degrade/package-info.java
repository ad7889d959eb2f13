/**
 * Degrading instead of drowning while a server (Redis, the broker, a remote service) is down: one
 * circuit breaker per server shared by every starter that talks to it
 * ({@link io.tradekit.core.degrade.ServerBreakers}, {@link io.tradekit.core.degrade.ServerBreaker}),
 * settings from {@code tradekit.degrade.*} ({@link io.tradekit.core.degrade.BreakerSettings}), the
 * refusal every entry answers as 503 with {@code Retry-After}
 * ({@link io.tradekit.core.degrade.ServerUnavailableException}), and a log of one line per state
 * change plus a periodic count of refused calls ({@link io.tradekit.core.degrade.BreakerLog}).
 *
 * <p>Resilience4j's circuit breaker is an <em>optional</em> dependency of tradekit-core: only the
 * breakers need it (the exception does not); a starter that guards a server declares
 * {@code io.github.resilience4j:resilience4j-circuitbreaker} itself.
 */
package io.tradekit.core.degrade;
