package io.tradekit.sample.nft.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

/**
 * Every scheduled job runs under a cluster-wide lock of its own (issue 18, {@code shared.job}): each
 * {@code @Scheduled} method carries a {@code @SchedulerLock} with a unique, literal name on a method the
 * lock's proxy can intercept. The one exception, named so no job slips in with it: the {@code *Meters}
 * classes of the infrastructure packages refresh this instance's own gauges, which must stay per instance
 * (a gauge only one instance refreshed would go stale on all the others).
 */
class JobLockArchitectureTest {

    private static final JavaClasses SAMPLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tradekit.sample.nft");

    /** The jobs of the issue; the rule must see them all, or it is checking nothing. */
    private static final List<String> KNOWN_LOCKS = List.of("close-unpaid-orders", "stock-reconciliation",
            "seal-blocks", "verify-chain", "expiring-id-flag");

    @Test
    void everyScheduledJobMethodCarriesALockThatItsProxyCanApply() {
        List<JavaMethod> jobs = scheduledMethods().stream().filter(method -> !isInstanceGauge(method)).toList();

        assertThat(jobs).isNotEmpty();
        assertThat(jobs).allSatisfy(method -> {
            assertThat(method.isAnnotatedWith(SchedulerLock.class))
                    .as("%s is @Scheduled without @SchedulerLock: it would run on every instance", method.getFullName())
                    .isTrue();
            // ShedLock locks through a Spring AOP proxy, which neither sees private methods nor overrides final ones.
            assertThat(method.getModifiers()).as("%s must be public and not final", method.getFullName())
                    .contains(JavaModifier.PUBLIC).doesNotContain(JavaModifier.FINAL);
            assertThat(method.getOwner().getModifiers()).as("%s must not be final", method.getOwner().getName())
                    .doesNotContain(JavaModifier.FINAL);
        });
    }

    @Test
    void lockNamesAreLiteralAndUnique() {
        List<String> names = scheduledMethods().stream().filter(method -> method.isAnnotatedWith(SchedulerLock.class))
                .map(method -> method.getAnnotationOfType(SchedulerLock.class).name()).toList();

        // A placeholder or SpEL name could resolve to the same name for two jobs, or differently per instance.
        assertThat(names).allSatisfy(name -> assertThat(name).matches("[a-z][a-z0-9-]*"));
        Map<String, Long> counts = names.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).as("lock names used by more than one job")
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
        assertThat(names).containsAll(KNOWN_LOCKS);
    }

    @Test
    void jobsAreRegisteredByAnnotationOnlySoTheLockRuleSeesThem() {
        assertThat(SAMPLE.stream().filter(type -> type.isAssignableTo(SchedulingConfigurer.class))
                .map(JavaClass::getName).toList())
                .as("a task registered through SchedulingConfigurer escapes the @SchedulerLock rule")
                .isEmpty();
    }

    private static List<JavaMethod> scheduledMethods() {
        return SAMPLE.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(Scheduled.class) || method.isAnnotatedWith(Schedules.class))
                .toList();
    }

    private static boolean isInstanceGauge(JavaMethod method) {
        JavaClass owner = method.getOwner();
        return owner.getSimpleName().endsWith("Meters") && owner.getPackageName().endsWith(".infrastructure");
    }
}
