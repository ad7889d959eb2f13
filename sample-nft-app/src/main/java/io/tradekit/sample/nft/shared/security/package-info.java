/**
 * Who is calling: {@link io.tradekit.sample.nft.shared.security.CurrentSession} is the seam every
 * context uses; its implementation sits on the SSO starter's sessions. Exposed as a named interface
 * so Spring Modulith lets every context depend on it.
 */
@org.springframework.modulith.NamedInterface("security")
package io.tradekit.sample.nft.shared.security;
