package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.order.domain.StockGateway;
import io.tradekit.sample.nft.order.domain.TradeGateway;
import io.tradekit.sample.nft.order.domain.validator.BuyValidator;
import io.tradekit.sample.nft.order.domain.validator.GoodsBookValidator;
import io.tradekit.sample.nft.order.domain.validator.GoodsValidator;
import io.tradekit.sample.nft.order.domain.validator.StockValidator;
import io.tradekit.sample.nft.order.domain.validator.UserValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the buy chain; a new rule is a new {@link BuyValidator} linked in here. */
@Configuration(proxyBeanMethods = false)
class BuyValidatorConfiguration {

    @Bean
    BuyValidator buyValidatorChain(TradeGateway trade, StockGateway stock) {
        BuyValidator head = new UserValidator(trade);
        head.linkWith(new GoodsValidator(trade))
                .linkWith(new GoodsBookValidator(trade))
                .linkWith(new StockValidator(stock));
        return head;
    }
}
