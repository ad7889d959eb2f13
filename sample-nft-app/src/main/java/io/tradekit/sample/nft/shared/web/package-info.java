/** What every web entry shares: JSON error responses with matching HTTP statuses. */
package io.tradekit.sample.nft.shared.web;
