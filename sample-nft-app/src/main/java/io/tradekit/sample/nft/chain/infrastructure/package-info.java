/**
 * The local ledger behind {@link io.tradekit.sample.nft.chain.domain.ChainGateway}: MyBatis-Plus
 * mappers over the {@code chain_*} tables (Flyway {@code V5xx}).
 */
package io.tradekit.sample.nft.chain.infrastructure;
