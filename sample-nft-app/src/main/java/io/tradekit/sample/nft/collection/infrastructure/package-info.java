/** The collection context's database adapter. */
package io.tradekit.sample.nft.collection.infrastructure;
