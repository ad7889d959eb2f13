/**
 * The order context's adapters: MyBatis-Plus over orders, the Dubbo references to the user,
 * collection and inventory facades (called through RemoteCallWrapper), the transactional message
 * handlers, the mock payment channel, the snowflake order-id adapter and the validator chain's assembly.
 */
package io.tradekit.sample.nft.order.infrastructure;
