package io.tradekit.sample.nft.architecture;

import io.tradekit.sample.nft.NftApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of the application is a context (a Spring Modulith module): no cycles
 * between contexts, and a context uses another only through what it publishes — its top-level
 * package or a package marked {@code @NamedInterface} (the {@code api} and {@code application}
 * packages).
 */
class ModuleStructureTest {

    @Test
    void contextsUseEachOtherOnlyThroughTheirPublishedInterfaces() {
        ApplicationModules.of(NftApplication.class).verify();
    }
}
