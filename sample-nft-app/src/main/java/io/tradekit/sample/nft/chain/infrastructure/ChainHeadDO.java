package io.tradekit.sample.nft.chain.infrastructure;

/** The single row of {@code chain_head}: height and hash of the last sealed block. */
public class ChainHeadDO {

    private Long height;
    private String blockHash;

    public Long getHeight() {
        return height;
    }

    public void setHeight(Long height) {
        this.height = height;
    }

    public String getBlockHash() {
        return blockHash;
    }

    public void setBlockHash(String blockHash) {
        this.blockHash = blockHash;
    }
}
