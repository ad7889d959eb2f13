/** The inventory adapters: MyBatis-Plus over the DB stock and flow, tradekit-stock-lua over Redis. */
package io.tradekit.sample.nft.inventory.infrastructure;
