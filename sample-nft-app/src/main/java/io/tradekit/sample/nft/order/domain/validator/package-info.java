/**
 * The buy validator chain (chain of responsibility): each {@link io.tradekit.sample.nft.order.domain.validator.BuyValidator}
 * checks one rule and hands over to the next. The chain is assembled in configuration, so a new rule
 * is one class and one registration.
 */
package io.tradekit.sample.nft.order.domain.validator;
