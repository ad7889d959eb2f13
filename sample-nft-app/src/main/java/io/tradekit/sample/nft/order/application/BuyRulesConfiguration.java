package io.tradekit.sample.nft.order.application;

import io.tradekit.sample.nft.order.domain.StockGateway;
import io.tradekit.sample.nft.order.domain.TradeGateway;
import io.tradekit.sample.nft.order.domain.validator.BuyChain;
import io.tradekit.sample.nft.order.domain.validator.GoodsBookValidator;
import io.tradekit.sample.nft.order.domain.validator.GoodsValidator;
import io.tradekit.sample.nft.order.domain.validator.StockValidator;
import io.tradekit.sample.nft.order.domain.validator.UserValidator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The buy rules in their order; a new rule is one class and one line here. The stock comes first: a
 * sold-out sale is refused from memory or one Redis read, before the buyer and the collection are read.
 */
@Configuration(proxyBeanMethods = false)
class BuyRulesConfiguration {

    @Bean
    BuyChain buyRules(TradeGateway trade, StockGateway stock) {
        return new BuyChain(List.of(new StockValidator(stock), new UserValidator(trade), new GoodsValidator(trade),
                new GoodsBookValidator(trade)));
    }
}
