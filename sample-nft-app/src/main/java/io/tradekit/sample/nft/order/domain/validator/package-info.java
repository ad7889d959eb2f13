/**
 * The buy rules (chain of responsibility): each {@link io.tradekit.sample.nft.order.domain.validator.BuyValidator}
 * checks one rule on an immutable {@link io.tradekit.sample.nft.order.domain.validator.BuyContext};
 * {@link io.tradekit.sample.nft.order.domain.validator.BuyChain} runs them in order. The application
 * layer assembles the chain, so a new rule is one class and one line there.
 */
package io.tradekit.sample.nft.order.domain.validator;
