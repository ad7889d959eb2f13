/**
 * The crash suite (tag {@code crash}, after {@code package}): processes killed with {@code kill -9} in the
 * middle of a seckill, each case ending with the sale's invariants checked after recovery.
 */
package io.tradekit.sample.nft.crash;
