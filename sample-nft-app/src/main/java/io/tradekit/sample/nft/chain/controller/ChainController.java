package io.tradekit.sample.nft.chain.controller;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.MultiResponse;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.chain.application.BlockDTO;
import io.tradekit.sample.nft.chain.application.ChainQueryService;
import io.tradekit.sample.nft.chain.application.NftDTO;
import io.tradekit.sample.nft.chain.application.NftProofDTO;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's web entry. Proofs and blocks are public, as on a public chain: anyone may check
 * that an NFT is on the ledger. The NFT list is the caller's own, identified by the session.
 */
@RestController
@RequestMapping("/chain")
class ChainController {

    /** A positive decimal long without sign or leading zeros (at most 19 digits; overflow checked). */
    private static final Pattern POSITIVE_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final String USER_PREFIX = "user:";

    private final ChainQueryService queries;
    private final CurrentSession session;

    ChainController(ChainQueryService queries, CurrentSession session) {
        this.queries = queries;
        this.session = session;
    }

    /** The logged-in user's NFTs, newest first. */
    @GetMapping("/nfts")
    MultiResponse<NftDTO> myNfts() {
        String loginId = session.requireLoginId();
        if (!loginId.startsWith(USER_PREFIX)) {
            throw new BizException(CommonErrorCode.FORBIDDEN, "Only buyers own NFTs");
        }
        long ownerId = parseId(loginId.substring(USER_PREFIX.length()), "login id", CommonErrorCode.UNAUTHORIZED);
        return MultiResponse.of(queries.nftsOf(ownerId));
    }

    /** The Merkle proof of an NFT: leaf, sibling path, root and block header. */
    @GetMapping("/proof/{tokenId}")
    SingleResponse<NftProofDTO> proof(@PathVariable("tokenId") String tokenId) {
        return SingleResponse.of(queries.proof(parseId(tokenId, "tokenId", CommonErrorCode.PARAM_INVALID)));
    }

    /** A sealed block: header and transactions. */
    @GetMapping("/blocks/{height}")
    SingleResponse<BlockDTO> block(@PathVariable("height") String height) {
        return SingleResponse.of(queries.block(parseId(height, "height", CommonErrorCode.PARAM_INVALID)));
    }

    private static long parseId(String raw, String name, CommonErrorCode onInvalid) {
        if (raw == null || !POSITIVE_ID.matcher(raw).matches()) {
            throw new BizException(onInvalid, name + " must be a positive integer");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException tooLarge) {
            throw new BizException(onInvalid, name + " is out of range");
        }
    }
}
