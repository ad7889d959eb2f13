package io.tradekit.sample.nft.collection.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an admin gives to create a collection.
 *
 * @param name         1 to 128 characters
 * @param cover        an http(s) URL, at most 512 characters
 * @param price        0.01 to 1,000,000, two decimals at most
 * @param quantity     1 to 1,000,000
 * @param saleTime     when buying opens
 * @param bookRequired whether buyers must book first
 */
public record CreateCollectionCommand(String name, String cover, BigDecimal price, Integer quantity,
                                      Instant saleTime, Boolean bookRequired) {
}
