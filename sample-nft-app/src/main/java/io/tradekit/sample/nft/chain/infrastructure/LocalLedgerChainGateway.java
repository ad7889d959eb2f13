package io.tradekit.sample.nft.chain.infrastructure;

import io.tradekit.sample.nft.chain.domain.Block;
import io.tradekit.sample.nft.chain.domain.BlockHeader;
import io.tradekit.sample.nft.chain.domain.BlockValidator;
import io.tradekit.sample.nft.chain.domain.ChainGateway;
import io.tradekit.sample.nft.chain.domain.ChainVerificationReport;
import io.tradekit.sample.nft.chain.domain.ChainVerificationReport.BlockProblem;
import io.tradekit.sample.nft.chain.domain.Hash;
import io.tradekit.sample.nft.chain.domain.MintTransaction;
import io.tradekit.sample.nft.chain.domain.MintedNft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sample's {@link ChainGateway}: a hash-chained ledger in three tables of the application's
 * database ({@code chain_block}, {@code chain_transaction}, {@code chain_head}). Writes run inside
 * the caller's transaction, which the application layer opens.
 */
@Repository
class LocalLedgerChainGateway implements ChainGateway {

    /** Blocks recomputed per round trip by {@link #verify()}, to bound memory on a long chain. */
    private static final int VERIFY_PAGE = 100;

    private final ChainBlockMapper blocks;
    private final ChainTransactionMapper transactions;
    private final ChainHeadMapper head;
    private final BlockValidator validator = new BlockValidator();

    LocalLedgerChainGateway(ChainBlockMapper blocks, ChainTransactionMapper transactions, ChainHeadMapper head) {
        this.blocks = blocks;
        this.transactions = transactions;
        this.head = head;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean submit(List<MintTransaction> mints) {
        if (mints.isEmpty()) {
            throw new IllegalArgumentException("An order mints at least one NFT");
        }
        for (MintTransaction mint : mints) {
            try {
                transactions.insert(toRow(mint));
            } catch (DuplicateKeyException e) {
                // Serial 0 is inserted first: its duplicate means the order was recorded before
                // (or a racing delivery just recorded it). Later serials cannot collide alone.
                if (mint.serial() == 0) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Block> sealNext(int maxTransactions) {
        ChainHeadDO last = head.lockHead();
        List<ChainTransactionDO> pending = transactions.selectPending(maxTransactions);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        long height = last.getHeight() + 1;
        Block block = Block.seal(height, Hash.fromHex(last.getBlockHash()), System.currentTimeMillis(),
                pending.stream().map(LocalLedgerChainGateway::toMint).toList());
        blocks.insert(toRow(block));
        for (int i = 0; i < pending.size(); i++) {
            if (transactions.assignToBlock(pending.get(i).getTokenId(), height, i) != 1) {
                throw new IllegalStateException("Transaction " + pending.get(i).getTokenId()
                        + " was sealed by someone else while the chain head was locked");
            }
        }
        if (head.advance(height, block.hash().hex(), last.getHeight()) != 1) {
            throw new IllegalStateException("The chain head moved while it was locked");
        }
        return Optional.of(block);
    }

    @Override
    public long pendingCount() {
        return transactions.countPending();
    }

    @Override
    public Optional<MintedNft> nft(long tokenId) {
        return Optional.ofNullable(transactions.selectById(tokenId)).map(LocalLedgerChainGateway::toNft);
    }

    @Override
    public List<MintedNft> nftsOf(long ownerId, int limit) {
        return transactions.selectByOwner(ownerId, limit).stream().map(LocalLedgerChainGateway::toNft).toList();
    }

    @Override
    public Optional<Block> block(long height) {
        ChainBlockDO row = blocks.selectById(height);
        if (row == null) {
            return Optional.empty();
        }
        List<MintTransaction> body = transactions.selectByBlock(height).stream()
                .map(LocalLedgerChainGateway::toMint).toList();
        return Optional.of(toBlock(row, body));
    }

    @Override
    public ChainVerificationReport verify() {
        // The head is read first: blocks sealed meanwhile are past it and checked next time.
        ChainHeadDO last = head.readHead();
        List<BlockProblem> problems = new ArrayList<>();
        String previousHex = Hash.ZERO.hex();
        long checked = 0;
        for (long from = 1; from <= last.getHeight(); from += VERIFY_PAGE) {
            long to = Math.min(from + VERIFY_PAGE - 1, last.getHeight());
            Map<Long, ChainBlockDO> rows = blocks.selectRange(from, to).stream()
                    .collect(Collectors.toMap(ChainBlockDO::getHeight, row -> row));
            Map<Long, List<MintTransaction>> bodies = transactions.selectSealedIn(from, to).stream()
                    .collect(Collectors.groupingBy(ChainTransactionDO::getBlockHeight,
                            Collectors.mapping(LocalLedgerChainGateway::toMint, Collectors.toList())));
            for (long height = from; height <= to; height++) {
                checked++;
                ChainBlockDO row = rows.get(height);
                if (row == null) {
                    problems.add(new BlockProblem(height, "block missing"));
                    previousHex = null;
                    continue;
                }
                List<String> found = check(row, bodies.getOrDefault(height, List.of()), height, previousHex);
                if (!found.isEmpty()) {
                    problems.add(new BlockProblem(height, String.join("; ", found)));
                }
                previousHex = row.getBlockHash();
            }
        }
        if (last.getHeight() > 0 && previousHex != null && !previousHex.equals(last.getBlockHash())) {
            problems.add(new BlockProblem(last.getHeight(), "chain head names another hash than the last block's"));
        }
        return new ChainVerificationReport(checked, problems);
    }

    private List<String> check(ChainBlockDO row, List<MintTransaction> body, long height, String previousHex) {
        try {
            Hash previous = previousHex == null ? null : Hash.fromHex(previousHex);
            Block block = toBlock(row, body);
            if (previous == null) {
                // The previous block is missing: its own problem is reported, check the rest.
                previous = block.header().previousHash();
            }
            return validator.problems(block, height, previous);
        } catch (IllegalArgumentException e) {
            return List.of("unreadable stored data: " + e.getMessage());
        }
    }

    private static Block toBlock(ChainBlockDO row, List<MintTransaction> body) {
        BlockHeader header = new BlockHeader(row.getHeight(), row.getSealedAt(), Hash.fromHex(row.getPreviousHash()),
                Hash.fromHex(row.getMerkleRoot()), row.getTxCount());
        return new Block(header, Hash.fromHex(row.getBlockHash()), body);
    }

    private static ChainBlockDO toRow(Block block) {
        ChainBlockDO row = new ChainBlockDO();
        row.setHeight(block.header().height());
        row.setBlockHash(block.hash().hex());
        row.setPreviousHash(block.header().previousHash().hex());
        row.setMerkleRoot(block.header().merkleRoot().hex());
        row.setTxCount(block.header().transactionCount());
        row.setSealedAt(block.header().timestamp());
        return row;
    }

    private static ChainTransactionDO toRow(MintTransaction mint) {
        ChainTransactionDO row = new ChainTransactionDO();
        row.setTokenId(mint.tokenId());
        row.setOrderId(mint.orderId());
        row.setOrderSerial(mint.serial());
        row.setCollectionId(mint.collectionId());
        row.setOwnerId(mint.ownerId());
        row.setMintedAt(mint.mintedAt());
        row.setLeafHash(mint.leafHash().hex());
        return row;
    }

    private static MintTransaction toMint(ChainTransactionDO row) {
        return new MintTransaction(row.getTokenId(), row.getOrderId(), row.getOrderSerial(), row.getCollectionId(),
                row.getOwnerId(), row.getMintedAt());
    }

    private static MintedNft toNft(ChainTransactionDO row) {
        return new MintedNft(toMint(row), row.getBlockHeight());
    }
}
