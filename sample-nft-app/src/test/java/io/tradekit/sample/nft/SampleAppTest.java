package io.tradekit.sample.nft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against the dev servers of this JVM.
 *
 * <p>Every test class that needs the running app uses exactly this annotation and nothing that
 * changes the context (no extra properties, no {@code @MockBean}), so Spring's test context cache
 * starts the app once for the whole suite. A test that needs a second instance (e.g. the seckill
 * over two instances) builds it itself with {@code SpringApplicationBuilder} and closes it.
 *
 * <p>One property differs from a real run: every simulated client of the suite comes from 127.0.0.1,
 * so the login throttle's per-address limit (100 a minute, meant for one client) is lifted; the limit
 * itself is proven by {@code LoginThrottleTest} on throttles of its own.
 *
 * <p>Metrics are exported as in a real run ({@code @AutoConfigureObservability}; Spring Boot's tests
 * switch the export off by default), so {@code /actuator/prometheus} exists for the suite. Tracing stays
 * off, as in a real run of the sample.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = NftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.throttle.login.per-address.limit=1000000")
public @interface SampleAppTest {
}
