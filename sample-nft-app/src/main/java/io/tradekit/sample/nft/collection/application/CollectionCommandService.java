package io.tradekit.sample.nft.collection.application;

import com.alicp.jetcache.anno.CacheInvalidate;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.collection.domain.Collection;
import io.tradekit.sample.nft.collection.domain.CollectionErrorCode;
import io.tradekit.sample.nft.collection.domain.CollectionRepository;
import io.tradekit.sample.nft.collection.domain.CollectionState;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Creating, opening and booking collections. */
@Service
public class CollectionCommandService {

    private static final Pattern URL = Pattern.compile("^https?://[^\\s\"'<>]{1,500}$");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private final CollectionRepository collections;
    private final InventoryService inventory;

    public CollectionCommandService(CollectionRepository collections, InventoryService inventory) {
        this.collections = collections;
        this.inventory = inventory;
    }

    /** Creates a collection in state INIT; returns its id. */
    public long create(CreateCollectionCommand command) {
        if (command == null) {
            throw invalid("body is required");
        }
        if (command.name() == null || command.name().isBlank() || command.name().length() > 128
                || command.name().chars().anyMatch(Character::isISOControl)) {
            throw invalid("name must be 1 to 128 printable characters");
        }
        if (command.cover() == null || !URL.matcher(command.cover()).matches()) {
            throw invalid("cover must be an http(s) URL");
        }
        BigDecimal price = command.price();
        if (price == null || price.scale() > 2 || price.compareTo(new BigDecimal("0.01")) < 0
                || price.compareTo(MAX_PRICE) > 0) {
            throw invalid("price must be 0.01 to 1000000 with at most two decimals");
        }
        if (command.quantity() == null || command.quantity() < 1 || command.quantity() > 1_000_000) {
            throw invalid("quantity must be 1 to 1000000");
        }
        if (command.saleTime() == null) {
            throw invalid("saleTime is required");
        }
        return collections.insert(new Collection(null, command.name().strip(), command.cover(), price,
                command.quantity(), command.saleTime(), Boolean.TRUE.equals(command.bookRequired()),
                CollectionState.INIT, Instant.now()));
    }

    /**
     * Opens the sale: stock first (DB and Redis, each only if absent), then the state, so a buyer
     * never sees ON_SALE without stock and a retry after a failure is harmless.
     */
    @CacheInvalidate(name = CollectionQueryService.CACHE, key = "#collectionId")
    public void open(long collectionId) {
        Collection collection = collections.findById(collectionId)
                .orElseThrow(() -> new BizException(CollectionErrorCode.COLLECTION_NOT_FOUND));
        inventory.openSale(collectionId, collection.quantity());
        if (collection.state() == CollectionState.INIT) {
            collections.markOnSale(collectionId);
        }
    }

    /** Books the collection for a user (idempotent); only when it requires booking and the sale has not started. */
    public void book(long collectionId, long userId) {
        Collection collection = collections.findById(collectionId)
                .orElseThrow(() -> new BizException(CollectionErrorCode.COLLECTION_NOT_FOUND));
        if (!collection.bookable(Instant.now())) {
            throw new BizException(CollectionErrorCode.NOT_BOOKABLE);
        }
        collections.book(collectionId, userId);
    }

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
