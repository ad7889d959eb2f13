/** The order context's MQ entry: consumers of the create and cancel transactional messages. */
package io.tradekit.sample.nft.order.listener;
