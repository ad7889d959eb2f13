/**
 * What every context of the sample may use: id generation, the sample's error codes and small
 * value types. Nothing here depends on a context.
 */
package io.tradekit.sample.nft.shared;
