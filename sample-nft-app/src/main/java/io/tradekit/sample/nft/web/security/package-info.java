/**
 * What makes cookie-authenticated pages safe: the Content-Security-Policy of every page, the
 * cross-site request check of state-changing calls that rely on the cookie, and the pages' public paths.
 */
package io.tradekit.sample.nft.web.security;
