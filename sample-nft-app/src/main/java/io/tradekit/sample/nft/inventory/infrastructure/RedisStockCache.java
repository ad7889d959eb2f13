package io.tradekit.sample.nft.inventory.infrastructure;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.inventory.api.StockRefusal;
import io.tradekit.sample.nft.inventory.domain.StockCache;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockResult;
import io.tradekit.stock.StockService;
import io.tradekit.sample.nft.inventory.domain.CacheChange;
import io.tradekit.sample.nft.inventory.domain.CacheRecord;
import io.tradekit.stock.StockOperation;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** {@link StockCache} on tradekit-stock-lua: item {@code nft:<collectionId>}, buyer {@code u<userId>}. */
@Component
class RedisStockCache implements StockCache {

    private final StockService stock;

    RedisStockCache(StockService stock) {
        this.stock = stock;
    }

    @Override
    public boolean init(long collectionId, long quantity) {
        return stock.init(item(collectionId), quantity);
    }

    @Override
    public void deduct(long collectionId, long buyerId, String identifier, int quantity) {
        StockResult result = stock.deduct(new StockCommand(item(collectionId), buyer(buyerId), identifier, quantity));
        switch (result.code()) {
            case SUCCESS -> { }
            case NOT_ENOUGH, SOLD_OUT -> throw new BizException(StockRefusal.SOLD_OUT);
            case STOCK_MISSING -> throw new BizException(StockRefusal.STOCK_MISSING);
            // A corrupt stock key is not "nothing happened because of the buyer": fail as a system error.
            default -> throw new IllegalStateException("Redis stock of collection " + collectionId + " is " + result.code());
        }
    }

    @Override
    public boolean restore(long collectionId, long buyerId, String identifier, int quantity) {
        return stock.increase(new StockCommand(item(collectionId), buyer(buyerId), identifier, quantity)).success();
    }

    @Override
    public boolean deducted(long collectionId, String identifier) {
        return stock.record(item(collectionId), identifier).isPresent();
    }

    @Override
    public boolean knownSoldOut(long collectionId, int quantity) {
        return stock.knownSoldOut(item(collectionId), quantity);
    }

    @Override
    public OptionalLong stock(long collectionId) {
        return stock.get(item(collectionId));
    }

    @Override
    public List<CacheRecord> records(long collectionId) {
        return stock.records(item(collectionId)).stream()
                .map(r -> new CacheRecord(buyerId(r.buyerId()), r.identifier(), r.type() == StockOperation.DEDUCT,
                        Math.abs(r.delta()), r.timestamp()))
                .toList();
    }

    @Override
    public CacheChange replayDeduct(long collectionId, long buyerId, String identifier, long quantity) {
        // retryDeduct: never answered by the local sold-out flag, so an existing record is found as a replay.
        return change(stock.retryDeduct(new StockCommand(item(collectionId), buyer(buyerId), identifier, quantity)));
    }

    @Override
    public CacheChange replayIncrease(long collectionId, long buyerId, String identifier, long quantity) {
        return change(stock.increase(new StockCommand(item(collectionId), buyer(buyerId), identifier, quantity)));
    }

    @Override
    public boolean compareAndSetStock(long collectionId, long expected, long value) {
        return stock.compareAndSetStock(item(collectionId), expected, value);
    }

    @Override
    public long serverTimeMillis() {
        return stock.serverTimeMillis();
    }

    private static CacheChange change(StockResult result) {
        if (!result.success()) {
            return CacheChange.refused();
        }
        return new CacheChange(result.replay() ? CacheChange.Outcome.ALREADY_APPLIED : CacheChange.Outcome.APPLIED,
                result.before(), result.after());
    }

    /** {@code u<userId>} back to the user id; 0 for a buyer this app did not write. */
    private static long buyerId(String buyer) {
        if (buyer.length() > 1 && buyer.charAt(0) == 'u') {
            try {
                return Long.parseLong(buyer.substring(1));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String item(long collectionId) {
        return "nft:" + collectionId;
    }

    private static String buyer(long buyerId) {
        return "u" + buyerId;
    }
}
