package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.SystemException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.remote.RemoteCallWrapper;
import io.tradekit.sample.nft.inventory.api.InventoryFacade;
import io.tradekit.sample.nft.inventory.api.StockRefusal;
import io.tradekit.sample.nft.inventory.api.StockRequest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.StockGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@link StockGateway}: Redis stock changes over the inventory facade (RemoteCallWrapper); the buy's
 * pre-check (sold-out flag, Redis stock read) and DB stock through the inventory's application service,
 * in-process: the flag is this process's memory and learns from this process's reads, and DB stock must
 * join the order consumer's DB transaction (split into services, the order service would read the Redis
 * stock with its own stock client, and the inventory would consume the same message in its own group).
 */
@Component
class StockGatewayImpl implements StockGateway {

    private final InventoryFacade facade;
    private final InventoryService inventory;

    StockGatewayImpl(@Qualifier("inventoryFacade") InventoryFacade facade, InventoryService inventory) {
        this.facade = facade;
        this.inventory = inventory;
    }

    @Override
    public boolean knownSoldOut(long collectionId, int quantity) {
        return inventory.knownSoldOut(collectionId, quantity);
    }

    @Override
    public long cacheStock(long collectionId) {
        // In-process, like the flag: a read of zero is what teaches this process's flag the sell-out.
        return inventory.cacheStockOrMissing(collectionId);
    }

    @Override
    public void deductCache(long collectionId, long buyerId, String identifier, int quantity) {
        SingleResponse<Boolean> result = RemoteCallWrapper.call(facade::deduct,
                new StockRequest(collectionId, buyerId, identifier, quantity), "InventoryFacade.deduct", false);
        if (result.isSuccess()) {
            return;
        }
        // Only the facade's "refused, nothing changed" answers may become a rollback; everything else
        // (Redis timeout, Dubbo failure) is unknown and left to the check-back.
        // SERVICE_UNAVAILABLE (the facade's Redis is down) keeps its code, so the buyer gets 503, not 500;
        // still a system failure: whether the deduction happened is unknown to this side.
        StockRefusal refusal = StockRefusal.of(result.getCode()).orElseThrow(() -> new SystemException(
                CommonErrorCode.SERVICE_UNAVAILABLE.getCode().equals(result.getCode())
                        ? CommonErrorCode.SERVICE_UNAVAILABLE : CommonErrorCode.REMOTE_CALL_FAILED,
                "stock deduction outcome unknown: " + result.getCode()));
        throw switch (refusal) {
            case SOLD_OUT -> new BizException(OrderErrorCode.SOLD_OUT);
            case STOCK_MISSING -> new BizException(OrderErrorCode.GOODS_NOT_ON_SALE);
            // Nothing changed, and nothing may until the stock is repaired: the buy answers 503, retry later.
            case STOCK_FENCED -> new BizException(CommonErrorCode.SERVICE_UNAVAILABLE, refusal.getMessage());
        };
    }

    @Override
    public boolean cacheDeducted(long collectionId, String identifier) {
        return Boolean.TRUE.equals(RemoteCallWrapper.call(id -> facade.deducted(id, identifier), collectionId,
                "InventoryFacade.deducted").getData());
    }

    @Override
    public void restoreCache(long collectionId, long buyerId, String identifier, int quantity) {
        RemoteCallWrapper.call(facade::restore, new StockRequest(collectionId, buyerId, identifier, quantity),
                "InventoryFacade.restore");
    }

    @Override
    public void deductDb(long collectionId, long orderId, long buyerId, String identifier, int quantity) {
        inventory.deductDb(collectionId, orderId, buyerId, identifier, quantity);
    }

    @Override
    public void restoreDb(long collectionId, long orderId, long buyerId, String identifier, int quantity) {
        inventory.restoreDb(collectionId, orderId, buyerId, identifier, quantity);
    }
}
