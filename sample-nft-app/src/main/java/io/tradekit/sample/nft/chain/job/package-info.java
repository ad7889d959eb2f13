/** Scheduled entries of the chain context: sealing blocks and verifying the chain. */
package io.tradekit.sample.nft.chain.job;
