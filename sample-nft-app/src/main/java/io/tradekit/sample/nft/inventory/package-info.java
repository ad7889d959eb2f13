/**
 * Stock of collections on sale: the Redis stock (tradekit-stock-lua) that absorbs the seckill, the DB
 * stock and inventory flow written by the order consumer, and a reconciliation job between them.
 */
package io.tradekit.sample.nft.inventory;
