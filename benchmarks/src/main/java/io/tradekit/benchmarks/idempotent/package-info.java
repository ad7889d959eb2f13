/**
 * Benchmark of the idempotent-token starter: {@code consume} through the service from 50 threads
 * against {@code redis-benchmark -c 50 -P 1} running the same script on the same server.
 */
package io.tradekit.benchmarks.idempotent;
