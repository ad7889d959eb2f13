/** Scheduled entry of the order context. */
package io.tradekit.sample.nft.order.job;
