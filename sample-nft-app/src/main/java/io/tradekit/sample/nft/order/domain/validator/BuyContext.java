package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.sample.nft.order.domain.Buyer;
import io.tradekit.sample.nft.order.domain.Goods;
import java.math.BigDecimal;
import java.time.Instant;

/** One buy attempt while it passes the chain; validators leave what they loaded for later ones. */
public final class BuyContext {

    private final long buyerId;
    private final long collectionId;
    private final int quantity;
    private final BigDecimal expectedPrice;
    private final Instant now;
    private Buyer buyer;
    private Goods goods;

    /** Starts the context of a buy at {@code now}. */
    public BuyContext(long buyerId, long collectionId, int quantity, BigDecimal expectedPrice, Instant now) {
        this.buyerId = buyerId;
        this.collectionId = collectionId;
        this.quantity = quantity;
        this.expectedPrice = expectedPrice;
        this.now = now;
    }

    public long buyerId() { return buyerId; }
    public long collectionId() { return collectionId; }
    public int quantity() { return quantity; }
    public BigDecimal expectedPrice() { return expectedPrice; }
    public Instant now() { return now; }
    public Buyer buyer() { return buyer; }
    public Goods goods() { return goods; }

    void buyer(Buyer buyer) { this.buyer = buyer; }
    void goods(Goods goods) { this.goods = goods; }
}
