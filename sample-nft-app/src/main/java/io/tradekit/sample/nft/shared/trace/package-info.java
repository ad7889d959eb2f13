/**
 * One trace id per request, end to end: the HTTP entry filter of the sample (the propagation over Dubbo
 * and RocketMQ is the starters' part, see docs/observability.md).
 */
package io.tradekit.sample.nft.shared.trace;
