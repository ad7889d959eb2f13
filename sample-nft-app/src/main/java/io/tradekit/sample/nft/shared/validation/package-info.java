/** Check-digit rules of national standards that more than one context validates. */
@org.springframework.modulith.NamedInterface("validation")
package io.tradekit.sample.nft.shared.validation;
