/**
 * Login throttling shared by every instance through Redis (Redisson's {@code RRateLimiter}):
 * {@link io.tradekit.sample.nft.shared.throttle.LoginThrottle} reserves a password check before it
 * is made, per client address and per account, and
 * {@link io.tradekit.sample.nft.shared.throttle.LoginThrottledException} becomes 429 with
 * {@code Retry-After}. Exposed as a named interface so every context's login may use it.
 */
@org.springframework.modulith.NamedInterface("throttle")
package io.tradekit.sample.nft.shared.throttle;
