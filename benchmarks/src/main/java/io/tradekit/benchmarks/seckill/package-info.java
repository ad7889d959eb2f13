/**
 * The seckill end to end: {@code POST /trade/buy} of the sample app (a child JVM) under N virtual
 * users, beside the Redis deduction ceiling measured on the app's own Redis in the same run.
 */
package io.tradekit.benchmarks.seckill;
