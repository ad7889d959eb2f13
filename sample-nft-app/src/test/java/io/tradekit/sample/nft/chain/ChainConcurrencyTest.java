package io.tradekit.sample.nft.chain;

import static io.tradekit.sample.nft.chain.ChainTestSupport.awaitMints;
import static io.tradekit.sample.nft.chain.ChainTestSupport.mintedRows;
import static io.tradekit.sample.nft.chain.ChainTestSupport.paidOrder;
import static io.tradekit.sample.nft.chain.ChainTestSupport.publishInTransaction;
import static io.tradekit.sample.nft.chain.ChainTestSupport.randomId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.chain.application.ChainCommandService;
import io.tradekit.sample.nft.chain.application.ChainProperties;
import io.tradekit.sample.nft.chain.application.ChainQueryService;
import io.tradekit.sample.nft.chain.application.ChainVerificationDTO;
import io.tradekit.sample.nft.chain.application.NftProofDTO;
import io.tradekit.sample.nft.chain.listener.OrderPaidListener;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Many paid orders, each delivered twice, from many threads at once. */
@SampleAppTest
class ChainConcurrencyTest {

    private static final int ORDERS = 200;
    private static final int THREADS = 16;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ChainCommandService commands;

    @Autowired
    ChainQueryService queries;

    @Autowired
    ChainProperties properties;

    @Autowired
    TestRestTemplate http;

    @Autowired
    OrderPaidListener listener;

    @Test
    void everyOrderIsMintedOnceAndTheChainStaysValid() throws Exception {
        long buyer = randomId();
        List<OrderPaidEvent> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(paidOrder(buyer, 1 + i % 3));
        }
        List<OrderPaidEvent> deliveries = new ArrayList<>(orders);
        deliveries.addAll(orders);
        Collections.shuffle(deliveries);
        long blocksBefore = queries.verifyChain().blocksChecked();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<OrderPaidEvent> share = deliveries.subList(t * deliveries.size() / THREADS,
                        (t + 1) * deliveries.size() / THREADS);
                sent.add(pool.submit(() -> {
                    go.await();
                    share.forEach(event -> publishInTransaction(transactions, events, event));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : sent) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        awaitMints(listener);
        commands.sealPending();

        int expectedNfts = 0;
        for (OrderPaidEvent order : orders) {
            assertThat(mintedRows(jdbc, order.orderId())).as("order %d", order.orderId()).isEqualTo(order.quantity());
            expectedNfts += order.quantity();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT token_id) FROM chain_transaction WHERE owner_id = ?",
                Integer.class, buyer)).isEqualTo(expectedNfts);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chain_transaction WHERE owner_id = ? "
                + "AND block_height IS NULL", Integer.class, buyer)).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(tx_count) FROM chain_block", Integer.class))
                .isLessThanOrEqualTo(properties.getBlockSize());

        ChainVerificationDTO report = queries.verifyChain();
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.blocksChecked()).isGreaterThanOrEqualTo(blocksBefore + expectedNfts / properties.getBlockSize());

        List<Long> tokens = jdbc.queryForList("SELECT token_id FROM chain_transaction WHERE owner_id = ? "
                + "ORDER BY token_id", Long.class, buyer);
        for (int i = 0; i < tokens.size(); i += 37) {
            NftProofDTO proof = http.exchange("/chain/proof/{id}", HttpMethod.GET, null,
                    new ParameterizedTypeReference<SingleResponse<NftProofDTO>>() { }, tokens.get(i)).getBody().getData();
            assertThat(proof.verify()).as("proof of token %d", tokens.get(i)).isTrue();
        }
    }
}
