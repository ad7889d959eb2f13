package io.tradekit.sample.nft.chain.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.chain.domain.Block;
import io.tradekit.sample.nft.chain.domain.ChainErrorCode;
import io.tradekit.sample.nft.chain.domain.ChainGateway;
import io.tradekit.sample.nft.chain.domain.MintTransaction;
import io.tradekit.sample.nft.shared.id.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain's writes: minting a paid order's NFTs (once per order) and sealing pending
 * transactions into blocks, each in a transaction of its own.
 */
@Service
public class ChainCommandService {

    private static final Logger log = LoggerFactory.getLogger(ChainCommandService.class);

    /** Blocks one sealing run writes at most, so a backlog cannot hold the job for long. */
    private static final int MAX_BLOCKS_PER_RUN = 64;

    private final ChainGateway chain;
    private final IdGenerator ids;
    private final ChainProperties properties;
    private final TransactionTemplate newTransaction;
    // Sealers of this instance queue here instead of on the database's head-row lock.
    private final ReentrantLock sealing = new ReentrantLock();

    public ChainCommandService(ChainGateway chain, IdGenerator ids, ChainProperties properties,
            PlatformTransactionManager transactions) {
        this.chain = chain;
        this.ids = ids;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the order's NFTs on the ledger, in a new transaction; a replay of the same order
     * changes nothing.
     *
     * @return true when minted now, false when the order was minted before
     * @throws BizException {@code CHAIN_INVALID_MINT} for a non-positive id or a quantity outside
     *                      1..{@code sample.chain.max-quantity-per-order}
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean mint(MintNftCommand command) {
        if (command == null || command.orderId() <= 0 || command.buyerId() <= 0 || command.collectionId() <= 0
                || command.quantity() < 1 || command.quantity() > properties.getMaxQuantityPerOrder()) {
            throw new BizException(ChainErrorCode.INVALID_MINT);
        }
        long mintedAt = command.paidAt() != null ? command.paidAt().toEpochMilli() : System.currentTimeMillis();
        List<MintTransaction> mints = new ArrayList<>(command.quantity());
        for (int serial = 0; serial < command.quantity(); serial++) {
            mints.add(new MintTransaction(ids.nextId(), command.orderId(), serial, command.collectionId(),
                    command.buyerId(), mintedAt));
        }
        boolean minted = chain.submit(mints);
        if (minted) {
            log.info("Minted {} NFT(s) for order {}", mints.size(), command.orderId());
        } else {
            log.info("Order {} was minted before; replay ignored", command.orderId());
        }
        return minted;
    }

    /**
     * Seals full blocks while at least {@code sample.chain.block-size} transactions are pending;
     * returns at once when another thread of this instance is sealing.
     *
     * @return how many blocks were sealed
     */
    public int sealFullBlocks() {
        if (!sealing.tryLock()) {
            return 0;
        }
        try {
            int sealed = 0;
            while (sealed < MAX_BLOCKS_PER_RUN && chain.pendingCount() >= properties.getBlockSize()) {
                if (sealOne().isEmpty()) {
                    break;
                }
                sealed++;
            }
            return sealed;
        } finally {
            sealing.unlock();
        }
    }

    /**
     * Seals everything pending, the last block possibly partial (the interval job).
     *
     * @return how many blocks were sealed
     */
    public int sealPending() {
        sealing.lock();
        try {
            int sealed = 0;
            while (sealed < MAX_BLOCKS_PER_RUN && sealOne().isPresent()) {
                sealed++;
            }
            return sealed;
        } finally {
            sealing.unlock();
        }
    }

    private Optional<Block> sealOne() {
        Optional<Block> block = newTransaction.execute(status -> chain.sealNext(properties.getBlockSize()));
        block.ifPresent(sealed -> log.info("Sealed block {} with {} transaction(s), hash {}",
                sealed.header().height(), sealed.header().transactionCount(), sealed.hash()));
        return block;
    }
}
