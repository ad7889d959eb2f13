/**
 * Actuator health of the transactional messaging (component {@code rocketmq}): name server and
 * brokers reachable, this instance's producer known to the brokers, consumer lag per subscription
 * and dead letters waiting ({@link io.tradekit.txmsg.health.RocketMqHealthIndicator}), asked through
 * the producer's own client with a time budget ({@link io.tradekit.txmsg.health.Budget}); registered
 * by {@link io.tradekit.txmsg.health.TxMessageHealthAutoConfiguration} when Actuator is present.
 */
package io.tradekit.txmsg.health;
