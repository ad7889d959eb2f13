package io.tradekit.sample.nft.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The seed's layers inside every context: entries (controller, facade, job, listener) call the
 * application layer, which uses the domain; infrastructure implements the domain's ports and
 * nothing calls it directly. {@code api} packages (Dubbo contracts and DTOs) depend on nothing of
 * ours but {@code shared} and core.
 */
class LayerArchitectureTest {

    private static final JavaClasses SAMPLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tradekit.sample.nft");

    @Test
    void entriesUseApplicationWhichUsesDomainThatInfrastructureImplements() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Entry").definedBy("..nft.*.controller..", "..nft.*.facade..", "..nft.*.job..",
                        "..nft.*.listener..")
                .layer("Application").definedBy("..nft.*.application..")
                .layer("Domain").definedBy("..nft.*.domain..")
                .layer("Infrastructure").definedBy("..nft.*.infrastructure..")
                .layer("Api").definedBy("..nft.*.api..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Entry", "Infrastructure")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure")
                .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Entry", "Application", "Infrastructure")
                .check(SAMPLE);
    }
}
