package io.tradekit.sample.nft.order.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.order.application.BuyService;
import io.tradekit.sample.nft.shared.metrics.RefusalMeters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link SoldOutBuyGate} between the login check (SSO, order {@code tradekit.sso.interceptor-order})
 * and the anti-duplicate token check (order {@code tradekit.idempotent.interceptor-order}): an anonymous
 * buy still gets 401, and a sold-out buy is answered before its token is claimed.
 */
@Configuration(proxyBeanMethods = false)
class SoldOutBuyGateConfiguration implements WebMvcConfigurer {

    private final BuyService buying;
    private final ObjectMapper json;
    private final int tokenCheckOrder;
    private final ObjectProvider<RefusalMeters> refusals;

    SoldOutBuyGateConfiguration(BuyService buying, ObjectMapper json, ObjectProvider<RefusalMeters> refusals,
                                @Value("${tradekit.idempotent.interceptor-order:" + (Ordered.LOWEST_PRECEDENCE - 1000)
                                        + "}") int tokenCheckOrder) {
        this.buying = buying;
        this.json = json;
        this.tokenCheckOrder = tokenCheckOrder;
        this.refusals = refusals;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SoldOutBuyGate(buying, json, refusals.getIfAvailable())).addPathPatterns(SoldOutBuyGate.PATH)
                .order(tokenCheckOrder - 1);
    }
}
