package io.tradekit.idempotent.aop;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.expression.InvalidMethodExpressionException;
import io.tradekit.devservices.spring.DevServicesInitializer;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentToken;
import io.tradekit.idempotent.IdempotentTokenException;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.autoconfigure.IdempotentTokenAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @IdempotentToken} on a plain bean method, against a real Redis. */
class IdempotentTokenInterceptorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new DevServicesInitializer())
            .withPropertyValues("tradekit.dev-services.redis.enabled=true")
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, IdempotentTokenAutoConfiguration.class));

    record OrderRequest(String token, String buyerId) {
    }

    static class OrderFacade {

        final AtomicInteger created = new AtomicInteger();

        @IdempotentToken(scene = "orderList", tokenExpression = "#request.token", ownerExpression = "#request.buyerId")
        public String create(OrderRequest request) {
            created.incrementAndGet();
            return "created";
        }

        @IdempotentToken(scene = "pay", tokenExpression = "#p0")
        public String pay(String token) {
            created.incrementAndGet();
            return "paid";
        }

        /** Read through a method: the bean is a CGLIB proxy whose own fields are empty. */
        public int created() {
            return created.get();
        }

        public String unguarded(String token) {
            created.incrementAndGet();
            return "free";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FacadeConfiguration {
        @Bean
        OrderFacade orderFacade() {
            return new OrderFacade();
        }
    }

    static class BadFacade {
        @IdempotentToken(scene = "pay", tokenExpression = "T(java.lang.Runtime).getRuntime()")
        public void pay(String token) {
        }
    }

    static class BadSceneFacade {
        @IdempotentToken(scene = "pay:all", tokenExpression = "#p0")
        public void pay(String token) {
        }
    }

    @Test
    void aValidTokenRunsTheMethodOnceAndASpentOneThrowsDuplicateRequest() {
        runner.withUserConfiguration(FacadeConfiguration.class).run(context -> {
            OrderFacade facade = context.getBean(OrderFacade.class);
            IdempotentTokenService tokens = context.getBean(IdempotentTokenService.class);
            String token = tokens.issue("orderList", "alice");
            assertThat(facade.create(new OrderRequest(token, "alice"))).isEqualTo("created");
            assertThatThrownBy(() -> facade.create(new OrderRequest(token, "alice")))
                    .isInstanceOf(IdempotentTokenException.class)
                    .satisfies(e -> {
                        IdempotentTokenException rejected = (IdempotentTokenException) e;
                        assertThat(rejected.getErrorCode()).isEqualTo(CommonErrorCode.DUPLICATE_REQUEST);
                        assertThat(rejected.getOutcome()).isEqualTo(ConsumeOutcome.NOT_FOUND);
                    });
            assertThat(facade.created()).isEqualTo(1);
        });
    }

    @Test
    void missingMalformedAndOtherOwnersTokensAreRejectedBeforeTheMethodRuns() {
        runner.withUserConfiguration(FacadeConfiguration.class).run(context -> {
            OrderFacade facade = context.getBean(OrderFacade.class);
            IdempotentTokenService tokens = context.getBean(IdempotentTokenService.class);
            assertThatThrownBy(() -> facade.create(new OrderRequest(null, "alice")))
                    .isInstanceOf(IdempotentTokenException.class)
                    .extracting(e -> ((IdempotentTokenException) e).getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID);
            assertThatThrownBy(() -> facade.pay("#{T(java.lang.Runtime).getRuntime().exec('id')}"))
                    .isInstanceOf(IdempotentTokenException.class)
                    .extracting(e -> ((IdempotentTokenException) e).getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID);
            assertThatThrownBy(() -> facade.pay("\"]] redis.call('FLUSHALL') --"))
                    .isInstanceOf(IdempotentTokenException.class)
                    .extracting(e -> ((IdempotentTokenException) e).getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID);
            String alices = tokens.issue("orderList", "alice");
            assertThatThrownBy(() -> facade.create(new OrderRequest(alices, "mallory")))
                    .isInstanceOf(IdempotentTokenException.class)
                    .extracting(e -> ((IdempotentTokenException) e).getOutcome()).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
            assertThat(facade.created()).isZero();
            assertThat(facade.unguarded(null)).isEqualTo("free");
            assertThat(facade.create(new OrderRequest(alices, "alice"))).isEqualTo("created");
        });
    }

    @Test
    void ofTwentyConcurrentCallsWithOneTokenExactlyOneRuns() {
        runner.withUserConfiguration(FacadeConfiguration.class).run(context -> {
            OrderFacade facade = context.getBean(OrderFacade.class);
            String token = context.getBean(IdempotentTokenService.class).issue("pay");
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            facade.pay(token);
                            return true;
                        } catch (IdempotentTokenException e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int ran = 0;
                for (Future<Boolean> result : results) {
                    ran += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(ran).isEqualTo(1);
                assertThat(facade.created()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void anUnsafeExpressionFailsTheStartUp() {
        runner.withBean(BadFacade.class).run(context -> assertThat(context).getFailure()
                .hasRootCauseInstanceOf(InvalidMethodExpressionException.class)
                .rootCause().hasMessageContaining("pay"));
    }

    @Test
    void anInvalidSceneFailsTheStartUp() {
        runner.withBean(BadSceneFacade.class).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("scene must be"));
    }
}
