/** Inventory rules and ports: the DB inventory and the Redis stock cache. */
package io.tradekit.sample.nft.inventory.domain;
