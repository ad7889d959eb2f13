package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.inventory.api.InventoryFacade;
import io.tradekit.sample.nft.user.api.UserFacade;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Dubbo references the order context calls (injvm in one process, the registry when split).
 * In one process the providers are beans too, so callers name the reference bean they want.
 */
@Configuration(proxyBeanMethods = false)
class FacadeReferences {

    @Bean
    @DubboReference(check = false)
    ReferenceBean<UserFacade> userFacade() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference(check = false)
    ReferenceBean<CollectionFacade> collectionFacade() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference(check = false)
    ReferenceBean<InventoryFacade> inventoryFacade() {
        return new ReferenceBean<>();
    }
}
