/** The inventory context's Dubbo contract: the Redis stock of a sale. */
@org.springframework.modulith.NamedInterface("api")
package io.tradekit.sample.nft.inventory.api;
