/**
 * Orders and trading: the anti-duplicate buy, the validator chain, the transactional messages that
 * keep Redis stock, DB stock and orders consistent, payment (which publishes
 * {@link io.tradekit.sample.nft.order.api.OrderPaidEvent}), cancellation and the close of unpaid
 * orders. Uses user, collection and inventory through their Dubbo facades, and the inventory's
 * application service for the DB stock inside the order consumer's transaction.
 */
package io.tradekit.sample.nft.order;
