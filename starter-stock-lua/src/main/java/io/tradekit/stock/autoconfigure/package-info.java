/**
 * Auto-configuration of the stock starter: {@link io.tradekit.stock.autoconfigure.StockAutoConfiguration}
 * and its {@code tradekit.stock.*} properties.
 */
package io.tradekit.stock.autoconfigure;
