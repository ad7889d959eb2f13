package io.tradekit.benchmarks.cache;

import java.math.BigDecimal;

/** The cached value: a row of the benchmark's user table. */
public record BenchUser(long id, String name, String mobile, BigDecimal balance, long updatedAt) {
}
