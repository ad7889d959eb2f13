package io.tradekit.sample.nft.inventory.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.inventory.api.StockRefusal;
import io.tradekit.sample.nft.inventory.domain.FlowType;
import io.tradekit.sample.nft.inventory.domain.InventoryErrorCode;
import io.tradekit.sample.nft.inventory.domain.InventoryFlow;
import io.tradekit.sample.nft.inventory.domain.InventoryRepository;
import io.tradekit.sample.nft.inventory.domain.StockCache;
import io.tradekit.sample.nft.inventory.domain.StockFence;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Redis stock and DB stock of collections. */
@Service
public class InventoryService {

    private final InventoryRepository inventory;
    private final StockCache cache;
    private final StockFence fence;

    public InventoryService(InventoryRepository inventory, StockCache cache, StockFence fence) {
        this.inventory = inventory;
        this.cache = cache;
        this.fence = fence;
    }

    /** Creates the DB stock and the Redis stock of a sale; both only if absent, so a retry is harmless. */
    @Transactional
    public void openSale(long collectionId, int quantity) {
        if (quantity <= 0) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "quantity must be positive");
        }
        inventory.initIfAbsent(collectionId, quantity);
        cache.init(collectionId, quantity);
    }

    /**
     * Deducts the Redis stock of an order; a business exception means nothing changed. Refused with
     * {@code STOCK_FENCED} while the stock fence is closed (Redis restarted and is not repaired yet).
     */
    public void deductCache(long collectionId, long buyerId, String identifier, int quantity) {
        if (!fence.deductionsAllowed()) {
            throw new BizException(StockRefusal.STOCK_FENCED);
        }
        try {
            cache.deduct(collectionId, buyerId, identifier, quantity);
        } catch (BizException refused) {
            throw refused;
        } catch (RuntimeException unknown) {
            // Redis failed: it may be restarting. Ask it again before the next deduction.
            fence.suspect();
            throw unknown;
        }
    }

    /** Whether the Redis deduction of {@code identifier} happened (the check-back's question). */
    public boolean cacheDeducted(long collectionId, String identifier) {
        return cache.deducted(collectionId, identifier);
    }

    /** Gives an order's Redis deduction back (idempotent). */
    public boolean restoreCache(long collectionId, long buyerId, String identifier, int quantity) {
        return cache.restore(collectionId, buyerId, identifier, quantity);
    }

    /**
     * The Redis stock, or -1 when the sale has none. A read of zero flags the sale sold out in this
     * process ({@link #knownSoldOut}).
     */
    public long cacheStockOrMissing(long collectionId) {
        return cache.stock(collectionId).orElse(-1);
    }

    /** The Redis stock, or {@code STOCK_MISSING} when the sale has none. */
    public long requireCacheStock(long collectionId) {
        return cache.stock(collectionId).orElseThrow(() -> new BizException(StockRefusal.STOCK_MISSING));
    }

    /**
     * Whether this instance knows without any I/O that the sale cannot cover {@code quantity}: the
     * local sold-out flag the stock starter keeps from Redis' answers (cleared by a restock anywhere).
     * In-process on purpose: the flag is this process's memory, so no facade call can ask it.
     */
    public boolean knownSoldOut(long collectionId, int quantity) {
        return cache.knownSoldOut(collectionId, quantity);
    }

    /**
     * Deducts the DB stock for an order and writes the flow, once per order: a repeated call finds the
     * flow and changes nothing. Joins the caller's transaction.
     *
     * @throws BizException {@code DB_STOCK_NOT_ENOUGH} when the DB cannot cover it (drift: the caller rolls back)
     */
    @Transactional
    public void deductDb(long collectionId, long orderId, long buyerId, String identifier, int quantity) {
        if (!inventory.appendFlow(new InventoryFlow(collectionId, orderId, buyerId, identifier, FlowType.DEDUCT,
                quantity))) {
            return;
        }
        if (!inventory.deduct(collectionId, quantity)) {
            throw new BizException(InventoryErrorCode.DB_STOCK_NOT_ENOUGH);
        }
    }

    /** Restores the DB stock of a cancelled order once (only if it was deducted). Joins the caller's transaction. */
    @Transactional
    public void restoreDb(long collectionId, long orderId, long buyerId, String identifier, int quantity) {
        if (!inventory.appendFlow(new InventoryFlow(collectionId, orderId, buyerId, identifier, FlowType.RESTORE,
                quantity))) {
            return;
        }
        if (!inventory.restore(collectionId, quantity)) {
            throw new BizException(InventoryErrorCode.DB_STOCK_NOT_ENOUGH, "restore would exceed the total");
        }
    }

    /** The DB stock, or -1 when the collection has none. */
    public long dbStock(long collectionId) {
        return inventory.stock(collectionId).orElse(-1);
    }

    /** The collections with stock, for the reconciliation job. */
    public List<Long> stockedCollections() {
        return inventory.collections();
    }
}
