/** Event entry of the chain context: minting on {@code OrderPaidEvent}. */
package io.tradekit.sample.nft.chain.listener;
