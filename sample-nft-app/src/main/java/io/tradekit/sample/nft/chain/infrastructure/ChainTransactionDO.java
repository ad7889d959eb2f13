package io.tradekit.sample.nft.chain.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code chain_transaction}: one mint, pending while {@code blockHeight} is null. */
@TableName("chain_transaction")
public class ChainTransactionDO {

    @TableId(type = IdType.INPUT)
    private Long tokenId;
    private Long orderId;
    private Integer orderSerial;
    private Long collectionId;
    private Long ownerId;
    private Long mintedAt;
    private String leafHash;
    private Long blockHeight;
    private Integer leafIndex;

    public Long getTokenId() {
        return tokenId;
    }

    public void setTokenId(Long tokenId) {
        this.tokenId = tokenId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public Integer getOrderSerial() {
        return orderSerial;
    }

    public void setOrderSerial(Integer orderSerial) {
        this.orderSerial = orderSerial;
    }

    public Long getCollectionId() {
        return collectionId;
    }

    public void setCollectionId(Long collectionId) {
        this.collectionId = collectionId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public Long getMintedAt() {
        return mintedAt;
    }

    public void setMintedAt(Long mintedAt) {
        this.mintedAt = mintedAt;
    }

    public String getLeafHash() {
        return leafHash;
    }

    public void setLeafHash(String leafHash) {
        this.leafHash = leafHash;
    }

    public Long getBlockHeight() {
        return blockHeight;
    }

    public void setBlockHeight(Long blockHeight) {
        this.blockHeight = blockHeight;
    }

    public Integer getLeafIndex() {
        return leafIndex;
    }

    public void setLeafIndex(Integer leafIndex) {
        this.leafIndex = leafIndex;
    }
}
