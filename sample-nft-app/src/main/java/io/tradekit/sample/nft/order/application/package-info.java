/**
 * Order use cases, one class per command ({@code BuyService}, {@code PayService}, {@code CancelService},
 * {@code CloseUnpaidService}), one per transactional message flow ({@code OrderCreation},
 * {@code OrderEnding}: the steps its entries in {@code order.listener} call), the assembly of the buy
 * rules, and the order queries.
 */
package io.tradekit.sample.nft.order.application;
