/** Order use cases: buy, pay, cancel, close unpaid orders, and the work of the message consumers. */
package io.tradekit.sample.nft.order.application;
