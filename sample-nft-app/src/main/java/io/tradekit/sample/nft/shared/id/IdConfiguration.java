package io.tradekit.sample.nft.shared.id;

import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link WorkerIdHolder} per application context and the {@link IdGenerator} on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdProperties.class)
class IdConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    WorkerIdHolder workerIdHolder(RedissonClient redisson, IdProperties properties) {
        return new WorkerIdHolder(redisson, properties.getKeyPrefix(), properties.getLeaseTtl(),
                properties.getRenewInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator(WorkerIdHolder workerIdHolder, IdProperties properties) {
        return new IdGenerator(workerIdHolder, properties.getMaxClockBackward());
    }
}
