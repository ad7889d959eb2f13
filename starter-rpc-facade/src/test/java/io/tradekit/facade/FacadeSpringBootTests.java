package io.tradekit.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.aop.FacadeCallLogger;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.provider.OrderTestFacadeImpl;
import io.tradekit.facade.support.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;

/**
 * The starter as an application gets it: a Spring Boot application with the starter and nothing
 * configured; the provider bean is a real @Facade bean, its calls validated and their failures mapped.
 * Dubbo and the dev services are on the test classpath for other tests and switched off here.
 */
@DirtiesContext // closes the context after the class: it sets the JVM-wide Dubbo filter switch
@SpringBootTest(properties = {"dubbo.enabled=false", "tradekit.dev-services.enabled=false"})
class FacadeSpringBootTests {

    @Autowired
    private OrderTestFacade facade;

    private CapturedLogs logs;

    @BeforeEach
    void capture() {
        logs = CapturedLogs.of(FacadeCallLogger.LOGGER_NAME);
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void theProviderBeanIsWrappedOutOfTheBox() {
        assertThat(AopUtils.isCglibProxy(facade)).isTrue();
        SingleResponse<String> response = facade.create(CreateOrderRequest.valid());
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getData()).isEqualTo("order-b-1");
        assertThat(logs.single("call=OrderTestFacadeImpl.create success=true code=SUCCESS").getLevel())
                .hasToString("INFO");
    }

    @Test
    void invalidArgumentsAreAnsweredWithParamInvalidAndTheBodyNeverRuns() {
        CreateOrderRequest request = CreateOrderRequest.valid();
        request.setBuyerId("");
        int before = OrderTestFacadeImpl.BODY_RUNS.get();
        SingleResponse<String> response = facade.create(request);
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("PARAM_INVALID");
        assertThat(response.getMessage()).isEqualTo("request.buyerId: must not be blank");
        assertThat(facade.find("", 0).getMessage()).isEqualTo("orderId: must not be blank; quantity: must be greater than or equal to 1");
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).isEqualTo(before);
    }

    @Test
    void exceptionsBecomeErrorCodesAndNothingIsThrown() {
        SingleResponse<String> biz = facade.misbehave("biz");
        assertThat(biz.getCode()).isEqualTo("NOT_FOUND");
        assertThat(biz.getMessage()).isEqualTo("order o-9 does not exist");

        SingleResponse<String> unexpected = facade.misbehave("npe");
        assertThat(unexpected.isSuccess()).isFalse();
        assertThat(unexpected.getCode()).isEqualTo("SYSTEM_ERROR");
        assertThat(unexpected.getMessage()).doesNotContain("NullPointerException").doesNotContain("missing");
        assertThat(logs.single("call=OrderTestFacadeImpl.misbehave success=false code=SYSTEM_ERROR").getThrowableProxy())
                .as("the stack trace stays in the provider's log").isNotNull();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OrderTestFacadeImpl.class)
    static class App {
    }
}
