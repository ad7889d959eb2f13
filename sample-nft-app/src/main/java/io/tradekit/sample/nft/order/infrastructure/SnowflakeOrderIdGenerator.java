package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.order.domain.OrderIdGenerator;
import io.tradekit.sample.nft.shared.id.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * Order ids from the application's snowflake {@link IdGenerator}, whose worker id is leased from
 * Redis: two instances never hand out the same id.
 */
@Component
class SnowflakeOrderIdGenerator implements OrderIdGenerator {

    private final IdGenerator ids;

    SnowflakeOrderIdGenerator(IdGenerator ids) {
        this.ids = ids;
    }

    @Override
    public long nextId() {
        return ids.nextId();
    }
}
