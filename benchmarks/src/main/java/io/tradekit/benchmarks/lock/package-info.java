/**
 * {@code @DistributeLock} lock+unlock against raw Redisson {@code RLock} lock+unlock on the same
 * keys, threads and run.
 */
package io.tradekit.benchmarks.lock;
