package io.tradekit.sample.nft.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockValidatorTest {

    private final BlockValidator validator = new BlockValidator();
    private final Hash previous = MerkleTree.leafHash(new byte[] {42});

    @Test
    void aSealedBlockIsIntactAndItsProofsVerifyEndToEnd() {
        Block block = Block.seal(5, previous, 1_700_000_000_000L, transactions(5));

        assertThat(validator.problems(block, 5, previous)).isEmpty();
        MerkleProofVerifier verifier = new MerkleProofVerifier();
        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(block.transactions().get(i), block.tree().proof(i), block.header(),
                    block.hash())).isTrue();
        }
        assertThat(verifier.verify(block.transactions().get(1), block.tree().proof(0), block.header(),
                block.hash())).isFalse();
    }

    @Test
    void changingAnyTransactionFieldBreaksTheMerkleRoot() {
        List<UnaryOperator<MintTransaction>> tampers = List.of(
                tx -> new MintTransaction(tx.tokenId() + 1, tx.orderId(), tx.serial(), tx.collectionId(), tx.ownerId(), tx.mintedAt()),
                tx -> new MintTransaction(tx.tokenId(), tx.orderId() + 1, tx.serial(), tx.collectionId(), tx.ownerId(), tx.mintedAt()),
                tx -> new MintTransaction(tx.tokenId(), tx.orderId(), tx.serial() + 1, tx.collectionId(), tx.ownerId(), tx.mintedAt()),
                tx -> new MintTransaction(tx.tokenId(), tx.orderId(), tx.serial(), tx.collectionId() + 1, tx.ownerId(), tx.mintedAt()),
                tx -> new MintTransaction(tx.tokenId(), tx.orderId(), tx.serial(), tx.collectionId(), tx.ownerId() + 1, tx.mintedAt()),
                tx -> new MintTransaction(tx.tokenId(), tx.orderId(), tx.serial(), tx.collectionId(), tx.ownerId(), tx.mintedAt() + 1));
        Block sealed = Block.seal(1, Hash.ZERO, 1L, transactions(3));
        for (UnaryOperator<MintTransaction> tamper : tampers) {
            List<MintTransaction> body = new ArrayList<>(sealed.transactions());
            body.set(1, tamper.apply(body.get(1)));

            assertThat(validator.problems(new Block(sealed.header(), sealed.hash(), body), 1, Hash.ZERO))
                    .singleElement().asString().contains("Merkle root");
        }
    }

    @Test
    void removedReorderedOrAddedTransactionsAreDetected() {
        Block sealed = Block.seal(1, Hash.ZERO, 1L, transactions(4));
        List<MintTransaction> body = sealed.transactions();

        assertThat(validator.problems(new Block(sealed.header(), sealed.hash(), body.subList(0, 3)), 1, Hash.ZERO))
                .hasSize(2);
        assertThat(validator.problems(new Block(sealed.header(), sealed.hash(),
                List.of(body.get(1), body.get(0), body.get(2), body.get(3))), 1, Hash.ZERO)).hasSize(1);
        List<MintTransaction> more = new ArrayList<>(body);
        more.add(body.get(0));
        assertThat(validator.problems(new Block(sealed.header(), sealed.hash(), more), 1, Hash.ZERO)).hasSize(2);
        assertThat(validator.problems(new Block(sealed.header(), sealed.hash(), List.of()), 1, Hash.ZERO))
                .contains("empty body");
    }

    @Test
    void changingAnyHeaderFieldOrTheLinkIsDetected() {
        Block sealed = Block.seal(3, previous, 1_000L, transactions(2));
        BlockHeader h = sealed.header();

        assertThat(validator.problems(new Block(new BlockHeader(4, h.timestamp(), h.previousHash(), h.merkleRoot(),
                h.transactionCount()), sealed.hash(), sealed.transactions()), 3, previous)).hasSize(2);
        assertThat(validator.problems(new Block(new BlockHeader(3, h.timestamp() + 1, h.previousHash(),
                h.merkleRoot(), h.transactionCount()), sealed.hash(), sealed.transactions()), 3, previous))
                .singleElement().asString().contains("stored block hash");
        assertThat(validator.problems(sealed, 3, Hash.ZERO)).singleElement().asString()
                .contains("previous hash");
        Block rehashed = new Block(new BlockHeader(3, h.timestamp(), Hash.ZERO, h.merkleRoot(), h.transactionCount()),
                new BlockHeader(3, h.timestamp(), Hash.ZERO, h.merkleRoot(), h.transactionCount()).hash(),
                sealed.transactions());
        assertThat(validator.problems(rehashed, 3, previous)).singleElement().asString().contains("previous hash");
    }

    @Test
    void canonicalEncodingsDifferForDifferentTransactions() {
        MintTransaction a = new MintTransaction(1, 2, 3, 4, 5, 6);

        assertThat(a.canonicalBytes()).hasSize(46).isEqualTo(new MintTransaction(1, 2, 3, 4, 5, 6).canonicalBytes());
        assertThat(a.leafHash()).isNotEqualTo(new MintTransaction(2, 1, 3, 4, 5, 6).leafHash());
    }

    private static List<MintTransaction> transactions(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new MintTransaction(1_000 + i, 77, i, 9, 42, 1_700_000_000_000L + i))
                .toList();
    }
}
