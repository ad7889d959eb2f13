/**
 * tradekit lock: @DistributeLock on Redisson, taken before and released after the transaction.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #4).
 */
package io.tradekit.lock;
