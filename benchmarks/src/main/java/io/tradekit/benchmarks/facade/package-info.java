/**
 * JMH benchmark of the {@code @Facade} aspect against a plain {@code @Around} aspect that only
 * validates the arguments, on the same bean; see {@link io.tradekit.benchmarks.facade.FacadeBenchmark}.
 */
package io.tradekit.benchmarks.facade;
