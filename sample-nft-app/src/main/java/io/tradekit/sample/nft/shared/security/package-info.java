/**
 * Who is calling: {@link io.tradekit.sample.nft.shared.security.CurrentSession} is the seam every
 * context uses; its implementation sits on the SSO starter's sessions.
 */
package io.tradekit.sample.nft.shared.security;
