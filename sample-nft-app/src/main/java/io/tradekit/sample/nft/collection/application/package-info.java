/** Collection use cases: create, open for sale, book, and the cached reads. */
@org.springframework.modulith.NamedInterface("application")
package io.tradekit.sample.nft.collection.application;
