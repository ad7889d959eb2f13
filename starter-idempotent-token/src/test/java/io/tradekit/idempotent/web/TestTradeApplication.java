package io.tradekit.idempotent.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.web.FailureResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal trading web application (its nested controller is registered as a member class) guarded
 * by the token check, counting what reaches each controller method. {@code /member/**} sits behind
 * a login check that stands in for the SSO starter's interceptor: same order (0), same JSON 401.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestTradeApplication {

    /** Test-only: the owner is a header here; a real resolver asks the authentication. */
    static final String TEST_USER_HEADER = "X-Test-User";

    /** The SSO starter's default tradekit.sso.interceptor-order. */
    static final int SSO_ORDER = 0;

    @Bean
    IdempotentOwnerResolver testOwnerResolver() {
        return request -> request.getHeader(TEST_USER_HEADER);
    }

    @Bean
    WebMvcConfigurer loginCheckAndCors() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new LoginCheck()).addPathPatterns("/member/**").order(SSO_ORDER);
                // After the token check (its default order is LOWEST_PRECEDENCE - 1000).
                registry.addInterceptor(new Throttle()).addPathPatterns("/trade/**").order(Ordered.LOWEST_PRECEDENCE - 500);
            }

            @Override
            public void addCorsMappings(CorsRegistry registry) {
                registry.addMapping("/trade/**").allowedOrigins("http://127.0.0.1:3000").allowedMethods("POST")
                        .allowedHeaders("Idempotency-Key", "Content-Type");
            }
        };
    }

    /** Like the SSO starter's route interceptor: anonymous requests get a JSON 401; preflights pass. */
    static final class LoginCheck implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if ("OPTIONS".equals(request.getMethod()) || request.getHeader(TEST_USER_HEADER) != null) {
                return true;
            }
            FailureResponses.write(response, 401, CommonErrorCode.UNAUTHORIZED, "Please log in.");
            return false;
        }
    }

    /** A refusal by an interceptor after the token check: 429 when the test asks for it. */
    static final class Throttle implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if (request.getHeader(THROTTLE_HEADER) == null) {
                return true;
            }
            FailureResponses.write(response, 429, CommonErrorCode.TOO_MANY_REQUESTS, "Slow down.");
            return false;
        }
    }

    /** Test-only: makes {@link Throttle} refuse the request. */
    static final String THROTTLE_HEADER = "X-Test-Throttle";

    /** An order form validated by Bean Validation. */
    record OrderForm(@NotNull Long itemId, @Min(1) @Max(10) int quantity) {
    }

    @RestController
    static class TradeController {

        final AtomicInteger buys = new AtomicInteger();
        final AtomicInteger pays = new AtomicInteger();
        final AtomicInteger others = new AtomicInteger();
        final AtomicInteger orders = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

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

        @PostMapping("/member/buy")
        String memberBuy() {
            buys.incrementAndGet();
            return "bought";
        }

        /**
         * Item 404 does not exist (404, nothing changed), item 422 is sold out (422, nothing changed),
         * item 500 fails after the order was written (500); others are ordered.
         */
        @PostMapping("/trade/order")
        String order(@Valid @RequestBody OrderForm form) throws InterruptedException {
            entered.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the order");
            }
            if (form.itemId() == 404L) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such item");
            }
            if (form.itemId() == 422L) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "sold out");
            }
            orders.incrementAndGet();
            if (form.itemId() == 500L) {
                throw new IllegalStateException("failed after the order was written");
            }
            return "ordered " + form.itemId() + " x" + form.quantity();
        }

        /** Answers from another thread (an async dispatch): the token is spent when that answer is done. */
        @PostMapping("/trade/async")
        java.util.concurrent.Callable<String> buyLater() {
            return () -> {
                buys.incrementAndGet();
                return "bought later";
            };
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
            orders.set(0);
            entered = new CountDownLatch(1);
            release = new CountDownLatch(0);
        }
    }
}
