/**
 * Consumer side: {@link io.tradekit.txmsg.consumer.TransactionalMessageConsumer} beans get
 * at-least-once delivery behind a per-message {@link io.tradekit.txmsg.consumer.IdempotencyStore}
 * guard, bounded retries, and a dead-letter hook ({@link io.tradekit.txmsg.consumer.DeadLetterHandler}).
 */
package io.tradekit.txmsg.consumer;
