/**
 * {@link io.tradekit.lock.DistributeLock @DistributeLock}: a Redisson lock taken before and
 * released after the annotated method (and so outside its transaction), its programmatic twin
 * {@link io.tradekit.lock.DistributeLockTemplate}, and the
 * {@link io.tradekit.lock.DistributeLockContext fencing token} of each acquisition.
 */
package io.tradekit.lock;
