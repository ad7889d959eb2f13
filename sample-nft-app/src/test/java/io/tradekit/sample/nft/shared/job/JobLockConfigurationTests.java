package io.tradekit.sample.nft.shared.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** {@link JobLockConfiguration} on a real H2 database in MySQL mode, with and without the lock table. */
class JobLockConfigurationTests {

    /** The migration the application runs, not a copy of it. */
    static final ClassPathResource MIGRATION = new ClassPathResource("db/migration/V901__create_shedlock.sql");

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
            .withUserConfiguration(JobLockConfiguration.class);

    @Test
    void startUpFailsNamingTheTableAndTheMigrationWhenTheLockTableIsMissing() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof IllegalStateException)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("an IllegalStateException in %s", context.getStartupFailure()).isNotNull()
                    .hasMessageContaining("`shedlock`")
                    .hasMessageContaining("V901__create_shedlock.sql");
        });
    }

    @Test
    void aJobLockHasOneHolderAtATimeAndIsFreeAgainOnceReleased() {
        new ResourceDatabasePopulator(MIGRATION).execute(dataSource);

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            LockProvider locks = context.getBean(LockProvider.class);

            Optional<SimpleLock> first = locks.lock(lock("some-job"));
            assertThat(first).isPresent();
            assertThat(locks.lock(lock("some-job"))).as("held by the first").isEmpty();
            assertThat(locks.lock(lock("other-job"))).as("another job's lock is independent").isPresent();
            // The holder is this process, not just this host: see JobLockConfiguration.holderName.
            assertThat(new JdbcTemplate(dataSource).queryForObject(
                    "SELECT locked_by FROM shedlock WHERE name = 'some-job'", String.class))
                    .endsWith("/" + ProcessHandle.current().pid());

            first.get().unlock();
            assertThat(locks.lock(lock("some-job"))).as("free again after unlock").isPresent();
        });
    }

    private static LockConfiguration lock(String name) {
        return new LockConfiguration(ClockProvider.now(), name, Duration.ofMinutes(1), Duration.ZERO);
    }
}
