package io.tradekit.sample.nft.chain.domain;

import java.nio.ByteBuffer;

/**
 * The ledger's one kind of transaction: NFT {@code tokenId} of a collection minted to its owner for
 * a paid order. {@code serial} numbers the NFTs of one order (0..quantity-1), which makes
 * (orderId, serial) the idempotency key of minting.
 *
 * @param tokenId      the NFT's id, unique on the ledger
 * @param orderId      the paid order
 * @param serial       the NFT's position within the order
 * @param collectionId the collection the NFT belongs to
 * @param ownerId      the user who owns the NFT
 * @param mintedAt     when it was minted, epoch milliseconds
 */
public record MintTransaction(long tokenId, long orderId, int serial, long collectionId, long ownerId, long mintedAt) {

    /** Leading bytes of the encoding: transaction type 'M' (mint) and encoding version 1. */
    private static final byte TYPE = 'M';
    private static final byte VERSION = 1;
    private static final int ENCODED_LENGTH = 2 + Long.BYTES * 5 + Integer.BYTES;

    /**
     * The canonical encoding that is hashed: fixed-width big-endian fields in declaration order
     * after a type and version byte, so two different transactions can never encode alike.
     */
    public byte[] canonicalBytes() {
        return ByteBuffer.allocate(ENCODED_LENGTH)
                .put(TYPE).put(VERSION)
                .putLong(tokenId).putLong(orderId).putInt(serial)
                .putLong(collectionId).putLong(ownerId).putLong(mintedAt)
                .array();
    }

    /** This transaction's leaf in the block's {@link MerkleTree}. */
    public Hash leafHash() {
        return MerkleTree.leafHash(canonicalBytes());
    }
}
