/**
 * The user use cases: register, login, real-name authentication, freeze, and the cached user read.
 * Other contexts may call these services directly (published as the {@code application} interface).
 */
@org.springframework.modulith.NamedInterface("application")
package io.tradekit.sample.nft.user.application;
