/**
 * Who is calling: {@link io.tradekit.sample.nft.shared.security.CurrentSession} is the seam every
 * context uses; its implementation sits on the SSO starter's sessions.
 */
@org.springframework.modulith.NamedInterface("security")
package io.tradekit.sample.nft.shared.security;
