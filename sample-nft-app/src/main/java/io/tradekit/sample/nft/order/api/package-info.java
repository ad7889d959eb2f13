/**
 * What the order context publishes to others: its Dubbo facade contract, DTOs and events.
 */
@org.springframework.modulith.NamedInterface("api")
package io.tradekit.sample.nft.order.api;
