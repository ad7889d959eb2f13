/**
 * Actuator health of the Dubbo registry (component {@code dubboRegistry}): whether each registry the
 * application's Dubbo uses is connected ({@link io.tradekit.facade.health.DubboRegistryHealthIndicator}),
 * registered by {@link io.tradekit.facade.health.DubboRegistryHealthAutoConfiguration} when Actuator
 * and Dubbo's Spring integration are present.
 */
package io.tradekit.facade.health;
