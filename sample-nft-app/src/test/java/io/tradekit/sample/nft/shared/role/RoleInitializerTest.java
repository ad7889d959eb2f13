package io.tradekit.sample.nft.shared.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** What {@code sample.role} keeps, leaves out and refuses (the multi-process test runs the roles for real). */
class RoleInitializerTest {

    @Test
    void eachRoleKeepsItsContextsAndAlwaysTheSharedCode() {
        assertThat(SampleRole.TRADE.excludes("io.tradekit.sample.nft.collection.application.CollectionQueryService"))
                .isTrue();
        assertThat(SampleRole.TRADE.excludes("io.tradekit.sample.nft.order.controller.TradeController")).isFalse();
        assertThat(SampleRole.GOODS.excludes("io.tradekit.sample.nft.order.controller.TradeController")).isTrue();
        assertThat(SampleRole.GOODS.excludes("io.tradekit.sample.nft.shared.web.ApiExceptionHandler")).isFalse();
        assertThat(SampleRole.GOODS.excludes("io.tradekit.sample.nft.NftApplication")).isFalse();
        assertThat(SampleRole.ALL.excludes("io.tradekit.sample.nft.order.controller.TradeController")).isFalse();
        assertThat(SampleRole.ALL.split()).isFalse();
    }

    @Test
    void everyContextRunsInSomeSplitRole() {
        assertThat(SampleRole.TRADE.contexts()).containsAll(SampleRole.ALL.contexts().stream()
                .filter(context -> !SampleRole.GOODS.contexts().contains(context)).toList());
    }

    @Test
    void dubboExportsOnlyTheRolesFacades() {
        assertThat(SampleRole.TRADE.facadePackages(getClass().getClassLoader())).containsExactly(
                "io.tradekit.sample.nft.inventory.facade", "io.tradekit.sample.nft.user.facade");
    }

    @Test
    void anUnknownRoleFailsTheStartNamingTheRoles() {
        assertThatIllegalStateException().isThrownBy(() -> initialize(new MockEnvironment()
                        .withProperty("sample.role", "trading")))
                .withMessageContaining("all, trade, goods");
    }

    @Test
    void aSplitRoleWithServersOfItsOwnFailsTheStartNamingTheSharedServers() {
        assertThatIllegalStateException().isThrownBy(() -> initialize(new MockEnvironment()
                        .withProperty("sample.role", "trade")))
                .withMessageContaining("--spring.config.import=file:");
    }

    @Test
    void aSplitRoleOnSharedServersLeavesFlywayToGoodsAndExportsItsFacadesOnly() {
        MockEnvironment environment = new MockEnvironment().withProperty("sample.role", "trade")
                .withProperty("tradekit.dev-services.shared-servers", "true");
        GenericApplicationContext context = initialize(environment);
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("dubbo.scan.base-packages"))
                .isEqualTo("io.tradekit.sample.nft.inventory.facade,io.tradekit.sample.nft.user.facade");
        assertThat(environment.getProperty("tradekit.txmsg.producer-group")).isEqualTo("tradekit-txmsg-producer-trade");
        assertThat(context.getBeanFactory().getBean(RoleScanFilter.class)).isEqualTo(new RoleScanFilter(SampleRole.TRADE));
    }

    @Test
    void theDefaultRoleChangesNothing() {
        MockEnvironment environment = new MockEnvironment();
        GenericApplicationContext context = initialize(environment);
        assertThat(environment.getProperty("dubbo.scan.base-packages")).isNull();
        assertThat(context.getBeanFactory().getBeanNamesForType(RoleScanFilter.class)).isEmpty();
    }

    private static GenericApplicationContext initialize(MockEnvironment environment) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment);
        new RoleInitializer().initialize(context);
        return context;
    }
}
