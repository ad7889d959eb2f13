/**
 * What every web entry shares: JSON error answers with matching HTTP statuses (controller advice and
 * the error page alike) and the security headers on every answer.
 */
package io.tradekit.sample.nft.shared.web;
