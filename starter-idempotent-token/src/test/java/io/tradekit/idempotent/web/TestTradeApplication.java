package io.tradekit.idempotent.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.atomic.AtomicInteger;

/** A minimal trading web application (its nested controller is registered as a member class) guarded by the filter, counting what reaches each controller method. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestTradeApplication {

    /** Test-only: the owner is a header here; a real resolver asks the authentication. */
    static final String TEST_USER_HEADER = "X-Test-User";

    @Bean
    IdempotentOwnerResolver testOwnerResolver() {
        return request -> request.getHeader(TEST_USER_HEADER);
    }

    @RestController
    static class TradeController {

        final AtomicInteger buys = new AtomicInteger();
        final AtomicInteger pays = new AtomicInteger();
        final AtomicInteger others = new AtomicInteger();

        @PostMapping("/trade/buy")
        String buy() {
            buys.incrementAndGet();
            return "bought";
        }

        @PostMapping("/trade/pay")
        String pay() {
            pays.incrementAndGet();
            return "paid";
        }

        @PostMapping("/other")
        String other() {
            others.incrementAndGet();
            return "other";
        }

        @GetMapping("/trade/list")
        String list() {
            others.incrementAndGet();
            return "list";
        }

        void reset() {
            buys.set(0);
            pays.set(0);
            others.set(0);
        }
    }
}
