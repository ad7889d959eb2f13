/**
 * The order context's MQ entries: the local transactions and check-backs the broker calls for the create
 * and cancel transactional messages, and their consumers. Each hands over to one step of
 * {@code application.OrderCreation} or {@code application.OrderEnding}.
 */
package io.tradekit.sample.nft.order.listener;
