package io.tradekit.sample.nft.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's layers inside every context: entries (controller, facade, job, listener) call the
 * application layer, which uses the domain; infrastructure implements the domain's ports, and neither
 * calls its own context's application layer nor is called directly. {@code api} packages (Dubbo
 * contracts and DTOs) depend on nothing of ours but {@code shared} and core. Checked per context:
 * calls between contexts are the module rules' business ({@link ModuleStructureTest}); an adapter of one
 * context may call another context's published application interface as an external system.
 */
class LayerArchitectureTest {

    private static final JavaClasses SAMPLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tradekit.sample.nft");

    @ParameterizedTest
    @ValueSource(strings = {"chain", "collection", "inventory", "onboarding", "order", "parameter", "user"})
    void entriesUseApplicationWhichUsesDomainThatInfrastructureImplements(String context) {
        String base = "..nft." + context + ".";
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Entry").definedBy(base + "controller..", base + "facade..", base + "job..",
                        base + "listener..")
                .layer("Application").definedBy(base + "application..")
                .layer("Domain").definedBy(base + "domain..")
                .layer("Infrastructure").definedBy(base + "infrastructure..")
                .layer("Api").definedBy(base + "api..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure")
                .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Entry", "Application", "Infrastructure");
        // Known exceptions outside issue 17, named so that no new one slips in: a configuration
        // properties class and a session holder that live in their context's application layer.
        layers = layers
                .ignoreDependency("io.tradekit.sample.nft.user.infrastructure.IdNumberFingerprint",
                        "io.tradekit.sample.nft.user.application.UserProperties")
                .ignoreDependency("io.tradekit.sample.nft.onboarding.infrastructure.StaffParameterAdminResolver",
                        "io.tradekit.sample.nft.onboarding.application.StaffContext");
        layers.check(SAMPLE);
    }
}
