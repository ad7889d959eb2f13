/**
 * The order context's adapters: MyBatis-Plus over orders, the Dubbo references to the user,
 * collection and inventory facades (called through RemoteCallWrapper), the mock payment channel
 * and the snowflake order-id adapter.
 */
package io.tradekit.sample.nft.order.infrastructure;
