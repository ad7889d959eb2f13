/** The collection context's Dubbo entry. */
package io.tradekit.sample.nft.collection.facade;
