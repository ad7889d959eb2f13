/** Scheduled entry of the inventory context. */
package io.tradekit.sample.nft.inventory.job;
