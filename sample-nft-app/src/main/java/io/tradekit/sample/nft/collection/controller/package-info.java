/** The collection context's web entry: browsing and booking for buyers, creating and opening for admins. */
package io.tradekit.sample.nft.collection.controller;
