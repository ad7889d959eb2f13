package io.tradekit.sample.nft.chain.application;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tradekit.sample.nft.chain.domain.MintTransaction;
import io.tradekit.sample.nft.chain.domain.MintedNft;

/**
 * An NFT as the web shows it: the fields of its mint transaction (the Merkle leaf data), its leaf
 * hash and the block holding it. Ids are JSON strings: snowflake ids exceed JavaScript's 2^53.
 *
 * @param tokenId      the NFT
 * @param orderId      the paid order that minted it
 * @param serial       its position within the order
 * @param collectionId the collection
 * @param ownerId      the owner
 * @param mintedAt     epoch milliseconds
 * @param leafHash     SHA-256 leaf hash of the transaction, hex
 * @param blockHeight  the block holding it, null while pending
 */
public record NftDTO(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long tokenId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        int serial,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long collectionId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long ownerId,
        long mintedAt,
        String leafHash,
        Long blockHeight) {

    static NftDTO of(MintedNft nft) {
        return of(nft.transaction(), nft.blockHeight());
    }

    static NftDTO of(MintTransaction tx, Long blockHeight) {
        return new NftDTO(tx.tokenId(), tx.orderId(), tx.serial(), tx.collectionId(), tx.ownerId(), tx.mintedAt(),
                tx.leafHash().hex(), blockHeight);
    }

    MintTransaction toTransaction() {
        return new MintTransaction(tokenId, orderId, serial, collectionId, ownerId, mintedAt);
    }
}
