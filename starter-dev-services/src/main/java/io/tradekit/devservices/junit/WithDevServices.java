package io.tradekit.devservices.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a plain JUnit 5 test running dev servers: declare a parameter of type
 * {@link io.tradekit.devservices.redis.RedisDevService},
 * {@link io.tradekit.devservices.rocketmq.RocketMqDevService} or
 * {@link io.tradekit.devservices.zookeeper.ZooKeeperDevService} on a test method, a
 * constructor or a {@code @BeforeAll} method, and the server of that kind is started (once per
 * JVM, see {@link io.tradekit.devservices.DevServices}) and passed in.
 *
 * <pre>{@code
 * @WithDevServices
 * class StockScriptTest {
 *     @Test
 *     void deducts(RedisDevService redis) {
 *         RedissonClient client = Redisson.create(configFor(redis.uri()));
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DevServicesExtension.class)
public @interface WithDevServices {
}
