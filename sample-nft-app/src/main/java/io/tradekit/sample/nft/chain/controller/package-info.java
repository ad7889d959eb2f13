/** Web entry of the chain context: {@code GET /chain/nfts}, {@code /chain/proof/{tokenId}}, {@code /chain/blocks/{height}}. */
package io.tradekit.sample.nft.chain.controller;
