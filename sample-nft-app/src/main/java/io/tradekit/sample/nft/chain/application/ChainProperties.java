package io.tradekit.sample.nft.chain.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the chain context ({@code sample.chain.*}), checked at start-up. */
@Validated
@ConfigurationProperties("sample.chain")
public class ChainProperties {

    /** How many transactions fill a block; a full block is sealed right after the mint that fills it. */
    @Min(1)
    @Max(4096)
    private int blockSize = 16;

    /** How often pending transactions are sealed into a (possibly partial) block. */
    @NotNull
    private Duration sealInterval = Duration.ofSeconds(2);

    /** How often the whole chain is re-hashed to detect tampering. */
    @NotNull
    private Duration verifyInterval = Duration.ofMinutes(10);

    /** The most NFTs one paid order may mint; larger orders are refused. */
    @Min(1)
    private int maxQuantityPerOrder = 100;

    /** Threads minting paid orders after their payment committed (each uses one DB connection). */
    @Min(1)
    private int mintThreads = 2;

    /** Paid orders waiting for a mint thread at most; beyond it an order is logged for replay. */
    @Min(1)
    private int mintQueueCapacity = 10_000;

    /** The most NFTs {@code GET /chain/nfts} returns, newest first. */
    @Min(1)
    private int maxNftsPerOwner = 200;

    public int getBlockSize() {
        return blockSize;
    }

    public void setBlockSize(int blockSize) {
        this.blockSize = blockSize;
    }

    public Duration getSealInterval() {
        return sealInterval;
    }

    public void setSealInterval(Duration sealInterval) {
        this.sealInterval = sealInterval;
    }

    public Duration getVerifyInterval() {
        return verifyInterval;
    }

    public void setVerifyInterval(Duration verifyInterval) {
        this.verifyInterval = verifyInterval;
    }

    public int getMaxQuantityPerOrder() {
        return maxQuantityPerOrder;
    }

    public void setMaxQuantityPerOrder(int maxQuantityPerOrder) {
        this.maxQuantityPerOrder = maxQuantityPerOrder;
    }

    public int getMintThreads() {
        return mintThreads;
    }

    public void setMintThreads(int mintThreads) {
        this.mintThreads = mintThreads;
    }

    public int getMintQueueCapacity() {
        return mintQueueCapacity;
    }

    public void setMintQueueCapacity(int mintQueueCapacity) {
        this.mintQueueCapacity = mintQueueCapacity;
    }

    public int getMaxNftsPerOwner() {
        return maxNftsPerOwner;
    }

    public void setMaxNftsPerOwner(int maxNftsPerOwner) {
        this.maxNftsPerOwner = maxNftsPerOwner;
    }
}
