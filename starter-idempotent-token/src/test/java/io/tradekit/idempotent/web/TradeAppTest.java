package io.tradekit.idempotent.web;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The started {@link TestTradeApplication} on a real Redis from dev services, shared by the test
 * classes that carry this annotation (one context for all).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestTradeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tradekit.dev-services.redis.enabled=true",
                "tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                "tradekit.idempotent.url-patterns[0].scene=orderList",
                "tradekit.idempotent.url-patterns[1].pattern=/trade/pay",
                "tradekit.idempotent.url-patterns[1].scene=pay",
                "tradekit.idempotent.url-patterns[2].pattern=/member/buy",
                "tradekit.idempotent.url-patterns[2].scene=orderList",
                "tradekit.idempotent.url-patterns[3].pattern=/trade/order",
                "tradekit.idempotent.url-patterns[3].scene=order",
                "tradekit.idempotent.url-patterns[4].pattern=/trade/async",
                "tradekit.idempotent.url-patterns[4].scene=orderList",
                "tradekit.idempotent.unspent-statuses=404,422",
                "tradekit.idempotent.max-body-size=16KB",
                "server.tomcat.threads.max=60"})
@AutoConfigureMockMvc
@interface TradeAppTest {
}
