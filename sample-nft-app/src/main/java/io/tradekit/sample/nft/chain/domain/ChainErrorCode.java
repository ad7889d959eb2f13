package io.tradekit.sample.nft.chain.domain;

import io.tradekit.core.error.ErrorCode;

/** The chain context's own failures (the common ones come from {@code CommonErrorCode}). */
public enum ChainErrorCode implements ErrorCode {

    PROOF_NOT_READY("The NFT is minted but its block is not sealed yet; retry shortly."),
    INVALID_MINT("The paid order cannot be minted (quantity out of range).");

    private final String message;

    ChainErrorCode(String message) {
        this.message = message;
    }

    @Override
    public String getCode() {
        return "CHAIN_" + name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
