package io.tradekit.sample.nft.chain.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code chain_block}: one sealed block header and its hash. */
@TableName("chain_block")
public class ChainBlockDO {

    @TableId(type = IdType.INPUT)
    private Long height;
    private String blockHash;
    private String previousHash;
    private String merkleRoot;
    private Integer txCount;
    private Long sealedAt;

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

    public String getPreviousHash() {
        return previousHash;
    }

    public void setPreviousHash(String previousHash) {
        this.previousHash = previousHash;
    }

    public String getMerkleRoot() {
        return merkleRoot;
    }

    public void setMerkleRoot(String merkleRoot) {
        this.merkleRoot = merkleRoot;
    }

    public Integer getTxCount() {
        return txCount;
    }

    public void setTxCount(Integer txCount) {
        this.txCount = txCount;
    }

    public Long getSealedAt() {
        return sealedAt;
    }

    public void setSealedAt(Long sealedAt) {
        this.sealedAt = sealedAt;
    }
}
