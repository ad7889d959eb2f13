/** The inventory context's Dubbo entry. */
package io.tradekit.sample.nft.inventory.facade;
