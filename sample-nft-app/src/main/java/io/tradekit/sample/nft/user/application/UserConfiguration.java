package io.tradekit.sample.nft.user.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link UserProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserProperties.class)
class UserConfiguration {
}
