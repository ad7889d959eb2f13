/** Collection rules and ports. */
package io.tradekit.sample.nft.collection.domain;
