/** The user context's Dubbo entry. */
package io.tradekit.sample.nft.user.facade;
