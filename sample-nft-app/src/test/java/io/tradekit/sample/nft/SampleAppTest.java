package io.tradekit.sample.nft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against the dev servers of this JVM.
 *
 * <p>Every test class that needs the running app uses exactly this annotation and nothing that
 * changes the context (no extra properties, no {@code @MockBean}), so Spring's test context cache
 * starts the app once for the whole suite. A test that needs a second instance (e.g. the seckill
 * over two instances) builds it itself with {@code SpringApplicationBuilder} and closes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = NftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface SampleAppTest {
}
