/** The collection context's Dubbo contract. */
@org.springframework.modulith.NamedInterface("api")
package io.tradekit.sample.nft.collection.api;
