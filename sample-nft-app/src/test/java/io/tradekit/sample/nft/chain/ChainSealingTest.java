package io.tradekit.sample.nft.chain;

import static io.tradekit.sample.nft.chain.ChainTestSupport.awaitTrue;
import static io.tradekit.sample.nft.chain.ChainTestSupport.randomId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.BaseResponse;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.chain.application.ChainCommandService;
import io.tradekit.sample.nft.chain.application.ChainQueryService;
import io.tradekit.sample.nft.chain.application.MintNftCommand;
import io.tradekit.sample.nft.chain.domain.Block;
import io.tradekit.sample.nft.chain.domain.ChainGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Sealing: serialized by the chain head row across sealers, and on an interval without a full block. */
@SampleAppTest
class ChainSealingTest {

    @Autowired
    ChainCommandService commands;

    @Autowired
    ChainQueryService queries;

    @Autowired
    ChainGateway gateway;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void sealersRacingLikeSeparateInstancesNeverForkTheChain() throws Exception {
        long owner = randomId();
        for (int i = 0; i < 60; i++) {
            commands.mint(new MintNftCommand(randomId(), owner, randomId(), 1, Instant.now()));
        }
        TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ConcurrentLinkedQueue<Block> sealed = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> sealers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                // Straight to the gateway: no in-process lock, only the database's head row lock.
                sealers.add(pool.submit(() -> {
                    go.await();
                    while (true) {
                        Optional<Block> block;
                        try {
                            block = newTransaction.execute(status -> gateway.sealNext(5));
                        } catch (PessimisticLockingFailureException lockTimeout) {
                            continue;
                        }
                        if (block.isEmpty()) {
                            return null;
                        }
                        sealed.add(block.get());
                    }
                }));
            }
            go.countDown();
            for (Future<?> sealer : sealers) {
                sealer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sealed).extracting(block -> block.header().height()).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chain_transaction WHERE owner_id = ? "
                + "AND block_height IS NOT NULL", Integer.class, owner)).isEqualTo(60);
        assertThat(queries.verifyChain().problems()).isEmpty();
    }

    @Test
    void aPendingNftHasNoProofYetAndIsSealedWithinTheIntervalWithoutAFullBlock() throws Exception {
        long owner = randomId();
        TransactionTemplate headLock = new TransactionTemplate(transactionManager);
        headLock.executeWithoutResult(status -> {
            // Holding the head row keeps every sealer out while the NFT is pending.
            jdbc.queryForMap("SELECT height FROM chain_head WHERE id = 1 FOR UPDATE");
            commands.mint(new MintNftCommand(randomId(), owner, randomId(), 1, Instant.now()));
            long token = tokenOf(owner);

            ResponseEntity<BaseResponse> pending = http.exchange("/chain/proof/{id}", HttpMethod.GET, null,
                    BaseResponse.class, token);

            assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(pending.getBody().getCode()).isEqualTo("CHAIN_PROOF_NOT_READY");
        });
        long token = tokenOf(owner);

        awaitTrue(() -> http.exchange("/chain/proof/{id}", HttpMethod.GET, null, BaseResponse.class, token)
                .getStatusCode().is2xxSuccessful(), Duration.ofSeconds(30));
    }

    private long tokenOf(long owner) {
        return jdbc.queryForObject("SELECT token_id FROM chain_transaction WHERE owner_id = ?", Long.class, owner);
    }
}
