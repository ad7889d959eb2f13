package io.tradekit.devservices.junit;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.zookeeper.ZooKeeperDevService;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves dev-server parameters of a test from the JVM's {@link DevServices}; see {@link WithDevServices}.
 */
public class DevServicesExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisDevService.class || type == RocketMqDevService.class || type == ZooKeeperDevService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        if (type == RedisDevService.class) {
            return DevServices.redis();
        }
        if (type == RocketMqDevService.class) {
            return DevServices.rocketMq();
        }
        return DevServices.zooKeeper();
    }
}
