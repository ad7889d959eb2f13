/**
 * JMH benchmarks of the tradekit starters, one sub-package per starter, each measuring the
 * starter against a raw baseline (plain Redisson, plain Lua, a plain aspect) in the same run.
 */
package io.tradekit.benchmarks;
