/** What other contexts see of parameter management: rule-set snapshots and the admin-check SPI. */
@org.springframework.modulith.NamedInterface("api")
package io.tradekit.sample.nft.parameter.api;
