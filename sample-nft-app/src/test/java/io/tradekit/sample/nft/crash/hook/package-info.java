/**
 * Test-only fault points loaded into the child trade processes of the crash tests
 * ({@link io.tradekit.sample.nft.crash.hook.CrashHooks}): an armed call parks its thread at a precise
 * point of the order flow so that the test's {@code kill -9} lands there
 * ({@link io.tradekit.sample.nft.crash.hook.CrashPointAspect}); the test and the children talk through
 * files ({@link io.tradekit.sample.nft.crash.hook.FaultPoints}).
 */
package io.tradekit.sample.nft.crash.hook;
