/**
 * How remote values are written: {@link io.tradekit.cache.serial.AllowListKryoCodec}, Kryo 5
 * restricted to a {@link io.tradekit.cache.serial.ClassAllowList}; never Java serialization.
 */
package io.tradekit.cache.serial;
