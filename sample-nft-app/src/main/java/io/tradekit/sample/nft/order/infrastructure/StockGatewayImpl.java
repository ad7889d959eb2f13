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
 * {@link StockGateway}: Redis stock over the inventory facade (RemoteCallWrapper); the sold-out flag and
 * DB stock through the inventory's application service: the flag is this process's memory, and DB stock
 * must join the order consumer's DB transaction (split into services, the order service would keep its
 * own flag from its stock reads, and the inventory would consume the same message in its own group).
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
        SingleResponse<Long> stock = RemoteCallWrapper.call(facade::stock, collectionId, "InventoryFacade.stock", false);
        if (stock.isSuccess()) {
            return stock.getData();
        }
        if (StockRefusal.of(stock.getCode()).orElse(null) == StockRefusal.STOCK_MISSING) {
            return -1;
        }
        throw new SystemException(CommonErrorCode.REMOTE_CALL_FAILED, "stock query failed: " + stock.getCode());
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
        StockRefusal refusal = StockRefusal.of(result.getCode()).orElseThrow(() -> new SystemException(
                CommonErrorCode.REMOTE_CALL_FAILED, "stock deduction outcome unknown: " + result.getCode()));
        throw switch (refusal) {
            case SOLD_OUT -> new BizException(OrderErrorCode.SOLD_OUT);
            case STOCK_MISSING -> new BizException(OrderErrorCode.GOODS_NOT_ON_SALE);
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
    public void deductDb(long collectionId, long orderId, String identifier, int quantity) {
        inventory.deductDb(collectionId, orderId, identifier, quantity);
    }

    @Override
    public void restoreDb(long collectionId, long orderId, String identifier, int quantity) {
        inventory.restoreDb(collectionId, orderId, identifier, quantity);
    }
}
