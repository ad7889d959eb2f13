/** Vouchers, elements, business types, the element vocabulary and the versioning port. */
package io.tradekit.sample.nft.parameter.domain;
