/**
 * NFT collections (the goods): creation and opening for sale by admins, browsing, and booking (预约)
 * before a sale that requires it. Opening a sale initialises the stock through the inventory context.
 */
package io.tradekit.sample.nft.collection;
