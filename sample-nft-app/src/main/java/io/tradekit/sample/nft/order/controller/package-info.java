/** The trading web entry: {@code /trade/**}. */
package io.tradekit.sample.nft.order.controller;
