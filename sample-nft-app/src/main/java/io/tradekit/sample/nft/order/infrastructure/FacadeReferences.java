package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.inventory.api.InventoryFacade;
import io.tradekit.sample.nft.user.api.UserFacade;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Dubbo references the order context calls. Dubbo decides per call: injvm while the provider is
 * exported in this process, the registry when the contexts are split (no scope is forced). Injvm calls
 * copy every argument and result through Hessian by default (a serialization round trip per call, a
 * fifth of the CPU of a buy in issue 17's profile); {@code injvm.ignore.same-module} skips the copy when
 * the provider belongs to the same Dubbo module, i.e. this application: the contracts' arguments and
 * results are records and fresh responses, which nobody mutates after the call. A provider of another
 * module in the JVM (a second application context in a test) still gets copies.
 * In one process the providers are beans too, so callers name the reference bean they want.
 */
@Configuration(proxyBeanMethods = false)
class FacadeReferences {

    /** InjvmInvoker's switch: no deep copy of arguments and results within one module. */
    static final String INJVM_SKIP_COPY = "injvm.ignore.same-module";

    @Bean
    @DubboReference(check = false, parameters = {INJVM_SKIP_COPY, "true"})
    ReferenceBean<UserFacade> userFacade() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference(check = false, parameters = {INJVM_SKIP_COPY, "true"})
    ReferenceBean<CollectionFacade> collectionFacade() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference(check = false, parameters = {INJVM_SKIP_COPY, "true"})
    ReferenceBean<InventoryFacade> inventoryFacade() {
        return new ReferenceBean<>();
    }
}
