/**
 * The {@code callstats} actuator endpoint: count, average latency, p99 and success rate per
 * {@code @Facade} method and per remote call, from the Micrometer timers (needs Spring Boot Actuator).
 */
package io.tradekit.facade.callstats;
