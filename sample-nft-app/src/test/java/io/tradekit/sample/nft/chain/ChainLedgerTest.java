package io.tradekit.sample.nft.chain;

import static io.tradekit.sample.nft.chain.ChainTestSupport.awaitMints;
import static io.tradekit.sample.nft.chain.ChainTestSupport.mintedRows;
import static io.tradekit.sample.nft.chain.ChainTestSupport.paidOrder;
import static io.tradekit.sample.nft.chain.ChainTestSupport.publishInTransaction;
import static io.tradekit.sample.nft.chain.ChainTestSupport.randomId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.response.MultiResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.chain.application.BlockDTO;
import io.tradekit.sample.nft.chain.application.ChainCommandService;
import io.tradekit.sample.nft.chain.application.ChainVerificationDTO;
import io.tradekit.sample.nft.chain.application.NftDTO;
import io.tradekit.sample.nft.chain.application.NftProofDTO;
import io.tradekit.sample.nft.chain.domain.BlockHeader;
import io.tradekit.sample.nft.chain.domain.Hash;
import io.tradekit.sample.nft.chain.domain.MerkleProof;
import io.tradekit.sample.nft.chain.domain.MerkleProofVerifier;
import io.tradekit.sample.nft.chain.domain.MintTransaction;
import io.tradekit.sample.nft.chain.domain.ProofStep;
import io.tradekit.sample.nft.chain.job.VerifyChainJob;
import io.tradekit.sample.nft.chain.listener.OrderPaidListener;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Minting, proofs, blocks and tamper detection over the running app and its database. */
@SampleAppTest
class ChainLedgerTest {

    private static final ParameterizedTypeReference<MultiResponse<NftDTO>> NFTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<SingleResponse<NftProofDTO>> PROOF =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<SingleResponse<BlockDTO>> BLOCK =
            new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CurrentSession session;

    @Autowired
    ChainCommandService commands;

    @Autowired
    VerifyChainJob verifyJob;

    @Autowired
    OrderPaidListener listener;

    @Test
    void aPaidOrderIsMintedOnceEvenWhenItsEventArrivesTwice() throws InterruptedException {
        long buyer = randomId();
        OrderPaidEvent paid = paidOrder(buyer, 3);

        publishInTransaction(transactions, events, paid);
        publishInTransaction(transactions, events, paid);
        events.publishEvent(paid); // outside a transaction: fallbackExecution
        awaitMints(listener);

        assertThat(mintedRows(jdbc, paid.orderId())).isEqualTo(3);
        List<NftDTO> mine = myNfts(buyer);
        assertThat(mine).hasSize(3).allSatisfy(nft -> {
            assertThat(nft.orderId()).isEqualTo(paid.orderId());
            assertThat(nft.ownerId()).isEqualTo(buyer);
            assertThat(nft.collectionId()).isEqualTo(paid.collectionId());
            assertThat(nft.mintedAt()).isEqualTo(paid.paidAt().toEpochMilli());
        });
        assertThat(mine).extracting(NftDTO::serial).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void nothingIsMintedWhenThePaymentRollsBackOrTheEventIsInvalid() throws InterruptedException {
        long buyer = randomId();
        OrderPaidEvent rolledBack = paidOrder(buyer, 1);
        transactions.executeWithoutResult(status -> {
            events.publishEvent(rolledBack);
            status.setRollbackOnly();
        });
        OrderPaidEvent none = new OrderPaidEvent(randomId(), buyer, randomId(), 0, null, null);
        OrderPaidEvent tooMany = new OrderPaidEvent(randomId(), buyer, randomId(), 101, null, null);
        OrderPaidEvent negativeBuyer = new OrderPaidEvent(randomId(), -buyer, randomId(), 1, null, null);

        for (OrderPaidEvent invalid : List.of(none, tooMany, negativeBuyer)) {
            publishInTransaction(transactions, events, invalid); // must not fail the payment
        }
        awaitMints(listener);
        for (OrderPaidEvent invalid : List.of(none, tooMany, negativeBuyer)) {
            assertThat(mintedRows(jdbc, invalid.orderId())).isZero();
        }
        assertThat(mintedRows(jdbc, rolledBack.orderId())).isZero();
        assertThat(myNfts(buyer)).isEmpty();
    }

    @Test
    void theProofOfAMintedNftVerifiesWithoutTheLedger() throws InterruptedException {
        long buyer = randomId();
        OrderPaidEvent paid = paidOrder(buyer, 2);
        publishInTransaction(transactions, events, paid);
        awaitMints(listener);
        commands.sealPending();

        for (NftDTO nft : myNfts(buyer)) {
            ResponseEntity<SingleResponse<NftProofDTO>> response = http.exchange("/chain/proof/{id}", HttpMethod.GET,
                    null, PROOF, nft.tokenId());
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            NftProofDTO proof = response.getBody().getData();

            assertThat(proof.verify()).isTrue();
            assertThat(proof.leaf().tokenId()).isEqualTo(nft.tokenId());
            assertThat(proof.root()).isEqualTo(proof.header().merkleRoot());
            assertThat(verifyWithDomainVerifier(proof)).isTrue();

            NftDTO forgedOwner = new NftDTO(nft.tokenId(), nft.orderId(), nft.serial(), nft.collectionId(),
                    nft.ownerId() + 1, nft.mintedAt(), nft.leafHash(), nft.blockHeight());
            assertThat(new NftProofDTO(forgedOwner, proof.leafIndex(), proof.leafCount(), proof.path(), proof.root(),
                    proof.header()).verify()).isFalse();
            assertThat(new NftProofDTO(proof.leaf(), proof.leafIndex(), proof.leafCount(), proof.path(), "zz",
                    proof.header()).verify()).isFalse();

            BlockDTO block = http.exchange("/chain/blocks/{height}", HttpMethod.GET, null, BLOCK,
                    proof.header().height()).getBody().getData();
            assertThat(block.header()).isEqualTo(proof.header());
            assertThat(block.transactions()).hasSize(proof.leafCount());
            assertThat(block.transactions().get(proof.leafIndex()).tokenId()).isEqualTo(nft.tokenId());
        }
    }

    @Test
    void theProofJsonCarriesIdsAsStringsAndTheFullHeader() throws InterruptedException {
        long buyer = randomId();
        publishInTransaction(transactions, events, paidOrder(buyer, 1));
        awaitMints(listener);
        commands.sealPending();
        NftDTO nft = myNfts(buyer).get(0);

        Map<String, Object> json = http.exchange("/chain/proof/{id}", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { }, nft.tokenId()).getBody();

        Map<String, Object> data = map(json.get("data"));
        assertThat(map(data.get("leaf")).get("tokenId")).isEqualTo(Long.toString(nft.tokenId()));
        assertThat(map(data.get("header"))).containsKeys("height", "timestamp", "previousHash", "merkleRoot",
                "transactionCount", "hash");
        assertThat((List<?>) data.get("path")).allSatisfy(step -> assertThat(map(step)).containsKeys("hash", "side"));
    }

    @Test
    void theVerifyJobReportsExactlyTheBlockWhoseTransactionWasTampered() throws InterruptedException {
        long buyer = randomId();
        publishInTransaction(transactions, events, paidOrder(buyer, 1));
        awaitMints(listener);
        commands.sealPending();
        NftDTO nft = myNfts(buyer).get(0);
        assertThat(verifyJob.run().valid()).isTrue();

        int changed = jdbc.update("UPDATE chain_transaction SET owner_id = owner_id + 1 WHERE token_id = ?",
                nft.tokenId());
        assertThat(changed).isEqualTo(1);
        try {
            ChainVerificationDTO report = verifyJob.run();

            assertThat(report.valid()).isFalse();
            assertThat(report.invalidHeights()).containsExactly(nft.blockHeight());
            assertThat(report.problems()).singleElement().asString().contains("Merkle root");
            NftProofDTO proof = http.exchange("/chain/proof/{id}", HttpMethod.GET, null, PROOF, nft.tokenId())
                    .getBody().getData();
            assertThat(proof.verify()).isFalse();
        } finally {
            jdbc.update("UPDATE chain_transaction SET owner_id = owner_id - 1 WHERE token_id = ?", nft.tokenId());
        }
        assertThat(verifyJob.run().valid()).isTrue();
    }

    @Test
    void theVerifyJobReportsExactlyTheBlockWhoseHeaderWasTampered() throws InterruptedException {
        long buyer = randomId();
        publishInTransaction(transactions, events, paidOrder(buyer, 1));
        awaitMints(listener);
        commands.sealPending();
        long height = myNfts(buyer).get(0).blockHeight();

        jdbc.update("UPDATE chain_block SET sealed_at = sealed_at + 1 WHERE height = ?", height);
        try {
            assertThat(verifyJob.run().invalidHeights()).containsExactly(height);
        } finally {
            jdbc.update("UPDATE chain_block SET sealed_at = sealed_at - 1 WHERE height = ?", height);
        }
        String root = jdbc.queryForObject("SELECT merkle_root FROM chain_block WHERE height = ?", String.class,
                height);
        jdbc.update("UPDATE chain_block SET merkle_root = 'not hex' WHERE height = ?", height);
        try {
            assertThat(verifyJob.run().invalidHeights()).containsExactly(height);
            ResponseEntity<BaseResponse> unreadable = http.exchange("/chain/blocks/{height}", HttpMethod.GET, null,
                    BaseResponse.class, height);
            assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(unreadable.getBody().getMessage()).doesNotContain("not hex");
        } finally {
            jdbc.update("UPDATE chain_block SET merkle_root = ? WHERE height = ?", root, height);
        }
        assertThat(verifyJob.run().valid()).isTrue();
    }

    @Test
    void theNftListIsTheCallersOwnAndNeedsABuyerSession() throws InterruptedException {
        long buyer = randomId();
        publishInTransaction(transactions, events, paidOrder(buyer, 1));
        awaitMints(listener);

        assertThat(myNfts(randomId())).isEmpty();
        assertThat(status("/chain/nfts", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("/chain/nfts", "0123456789abcdef0123456789abcdef")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("/chain/nfts", "user:" + buyer)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("/chain/nfts", session.login("staff:" + buyer))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("/chain/nfts", session.login("user:abc"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("/chain/nfts", session.login("user:99999999999999999999"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("/chain/nfts", session.login("user:-" + buyer))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(myNfts(buyer)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "007", "1.5", "1e3", "99999999999999999999", "9223372036854775808",
            "' OR 1=1 --", "#{T(java.lang.Runtime)}", "１２３"})
    void malformedOrHugeIdsAreBadRequests(String raw) {
        ResponseEntity<BaseResponse> proof = http.exchange("/chain/proof/{id}", HttpMethod.GET, null,
                BaseResponse.class, raw);
        ResponseEntity<BaseResponse> block = http.exchange("/chain/blocks/{h}", HttpMethod.GET, null,
                BaseResponse.class, raw);

        assertThat(proof.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(proof.getBody().getCode()).isEqualTo("PARAM_INVALID");
        assertThat(block.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void unknownTokensAndBlocksAreNotFound() {
        for (String id : List.of("9223372036854775807", Long.toString(randomId()))) {
            ResponseEntity<BaseResponse> proof = http.exchange("/chain/proof/{id}", HttpMethod.GET, null,
                    BaseResponse.class, id);
            assertThat(proof.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(proof.getBody().isSuccess()).isFalse();
            assertThat(proof.getBody().getCode()).isEqualTo("NOT_FOUND");
            assertThat(http.exchange("/chain/blocks/{h}", HttpMethod.GET, null, BaseResponse.class, id)
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private boolean verifyWithDomainVerifier(NftProofDTO dto) {
        NftDTO leaf = dto.leaf();
        MintTransaction tx = new MintTransaction(leaf.tokenId(), leaf.orderId(), leaf.serial(), leaf.collectionId(),
                leaf.ownerId(), leaf.mintedAt());
        List<ProofStep> path = dto.path().stream()
                .map(step -> new ProofStep(Hash.fromHex(step.hash()), ProofStep.Side.valueOf(step.side())))
                .toList();
        MerkleProof proof = new MerkleProof(Hash.fromHex(leaf.leafHash()), dto.leafIndex(), dto.leafCount(), path,
                Hash.fromHex(dto.root()));
        BlockHeader header = new BlockHeader(dto.header().height(), dto.header().timestamp(),
                Hash.fromHex(dto.header().previousHash()), Hash.fromHex(dto.header().merkleRoot()),
                dto.header().transactionCount());
        return new MerkleProofVerifier().verify(tx, proof, header, Hash.fromHex(dto.header().hash()));
    }

    private List<NftDTO> myNfts(long buyer) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("tradekit-token", session.login("user:" + buyer));
        ResponseEntity<MultiResponse<NftDTO>> response = http.exchange("/chain/nfts", HttpMethod.GET,
                new HttpEntity<>(headers), NFTS);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().isSuccess()).isTrue();
        return response.getBody().getList();
    }

    private HttpStatus status(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.set("tradekit-token", token);
        }
        return HttpStatus.valueOf(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value());
    }
}
