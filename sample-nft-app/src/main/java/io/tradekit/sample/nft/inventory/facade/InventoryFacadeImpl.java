package io.tradekit.sample.nft.inventory.facade;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.Facade;
import io.tradekit.sample.nft.inventory.api.InventoryFacade;
import io.tradekit.sample.nft.inventory.api.StockRequest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link InventoryFacade} over the inventory service. */
@DubboService
@Facade
public class InventoryFacadeImpl implements InventoryFacade {

    private final InventoryService inventory;

    public InventoryFacadeImpl(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    public SingleResponse<Long> stock(Long collectionId) {
        return SingleResponse.of(inventory.requireCacheStock(collectionId));
    }

    @Override
    public SingleResponse<Boolean> deduct(StockRequest request) {
        inventory.deductCache(request.collectionId(), request.buyerId(), request.identifier(), request.quantity());
        return SingleResponse.of(Boolean.TRUE);
    }

    @Override
    public SingleResponse<Boolean> deducted(Long collectionId, String identifier) {
        return SingleResponse.of(inventory.cacheDeducted(collectionId, identifier));
    }

    @Override
    public SingleResponse<Boolean> restore(StockRequest request) {
        return SingleResponse.of(inventory.restoreCache(request.collectionId(), request.buyerId(),
                request.identifier(), request.quantity()));
    }
}
