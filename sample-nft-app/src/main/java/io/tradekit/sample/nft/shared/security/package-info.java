/**
 * Who is calling: {@link io.tradekit.sample.nft.shared.security.CurrentSession} is the seam every
 * context uses; {@link io.tradekit.sample.nft.shared.security.SsoCurrentSession} puts it on the SSO
 * starter's Redis sessions, and {@link io.tradekit.sample.nft.shared.security.AccountRoles} feeds the
 * SSO route rules with each context's account roles. Exposed as a named interface
 * so Spring Modulith lets every context depend on it.
 */
@org.springframework.modulith.NamedInterface("security")
package io.tradekit.sample.nft.shared.security;
