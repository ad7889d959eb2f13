/** Order rules: states, the buy validator chain, and the ports to ids, payment and other contexts. */
package io.tradekit.sample.nft.order.domain;
