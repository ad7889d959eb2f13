package io.tradekit.sample.nft.chain.application;

import java.util.List;

/**
 * A sealed block: header and body.
 *
 * @param header       the header with its hash
 * @param transactions the body in Merkle leaf order
 */
public record BlockDTO(BlockHeaderDTO header, List<NftDTO> transactions) {
}
