/** Throughput of the stock starter's deduction against redis-benchmark running the same script. */
package io.tradekit.benchmarks.stock;
