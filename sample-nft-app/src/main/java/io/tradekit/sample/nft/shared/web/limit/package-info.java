/**
 * A cap on request bodies ({@code sample.web.max-request-body}), enforced before anything parses
 * them: {@link io.tradekit.sample.nft.shared.web.limit.RequestBodyLimitFilter}.
 */
package io.tradekit.sample.nft.shared.web.limit;
