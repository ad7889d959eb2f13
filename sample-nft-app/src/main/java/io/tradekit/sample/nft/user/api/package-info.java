/** The user context's Dubbo contract: {@link io.tradekit.sample.nft.user.api.UserFacade} and its DTOs. */
@org.springframework.modulith.NamedInterface("api")
package io.tradekit.sample.nft.user.api;
