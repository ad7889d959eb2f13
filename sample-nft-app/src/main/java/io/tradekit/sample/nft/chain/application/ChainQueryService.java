package io.tradekit.sample.nft.chain.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.chain.domain.Block;
import io.tradekit.sample.nft.chain.domain.ChainErrorCode;
import io.tradekit.sample.nft.chain.domain.ChainGateway;
import io.tradekit.sample.nft.chain.domain.ChainVerificationReport;
import io.tradekit.sample.nft.chain.domain.MerkleProof;
import io.tradekit.sample.nft.chain.domain.MintTransaction;
import io.tradekit.sample.nft.chain.domain.MintedNft;
import java.util.List;
import org.springframework.stereotype.Service;

/** The chain's reads: an owner's NFTs, an NFT's Merkle proof, a block, and the ledger check. */
@Service
public class ChainQueryService {

    private final ChainGateway chain;
    private final ChainProperties properties;

    public ChainQueryService(ChainGateway chain, ChainProperties properties) {
        this.chain = chain;
        this.properties = properties;
    }

    /** The owner's NFTs, newest first, at most {@code sample.chain.max-nfts-per-owner}. */
    public List<NftDTO> nftsOf(long ownerId) {
        return chain.nftsOf(ownerId, properties.getMaxNftsPerOwner()).stream().map(NftDTO::of).toList();
    }

    /**
     * The Merkle proof of an NFT.
     *
     * @throws BizException {@code NOT_FOUND} for an unknown token, {@code CHAIN_PROOF_NOT_READY}
     *                      while its block is not sealed yet
     */
    public NftProofDTO proof(long tokenId) {
        MintedNft nft = chain.nft(tokenId).orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND));
        if (nft.blockHeight() == null) {
            throw new BizException(ChainErrorCode.PROOF_NOT_READY);
        }
        Block block = chain.block(nft.blockHeight())
                .orElseThrow(() -> new IllegalStateException("Block " + nft.blockHeight() + " is missing"));
        List<MintTransaction> body = block.transactions();
        int index = -1;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).tokenId() == tokenId) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new IllegalStateException("Token " + tokenId + " is not in the body of its block");
        }
        MerkleProof proof = block.tree().proof(index);
        List<NftProofDTO.Step> path = proof.path().stream()
                .map(step -> new NftProofDTO.Step(step.sibling().hex(), step.side().name()))
                .toList();
        return new NftProofDTO(NftDTO.of(nft), index, proof.leafCount(), path, proof.root().hex(),
                BlockHeaderDTO.of(block.header(), block.hash()));
    }

    /**
     * The sealed block at this height.
     *
     * @throws BizException {@code NOT_FOUND} when no such block is sealed
     */
    public BlockDTO block(long height) {
        Block block = chain.block(height).orElseThrow(() -> new BizException(CommonErrorCode.NOT_FOUND));
        List<NftDTO> body = block.transactions().stream().map(tx -> NftDTO.of(tx, height)).toList();
        return new BlockDTO(BlockHeaderDTO.of(block.header(), block.hash()), body);
    }

    /** Recomputes every block, Merkle root and link from the stored data. */
    public ChainVerificationDTO verifyChain() {
        ChainVerificationReport report = chain.verify();
        List<String> problems = report.problems().stream()
                .map(problem -> problem.height() + ": " + problem.reason())
                .toList();
        return new ChainVerificationDTO(report.valid(), report.blocksChecked(), report.invalidHeights(), problems);
    }
}
