package io.tradekit.sample.nft.shared.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs each {@code @SchedulerLock} method (every scheduled job, {@code JobLockArchitectureTest}) under a
 * lock row of the {@value JobLockTable#NAME} table in the application's database, so one instance of the
 * cluster runs a job at a time. The database is the one store every instance already shares and needs
 * anyway (a job that cannot reach it could not do its work either), so the guard adds no backend.
 *
 * <p>Times come from the database ({@code usingDbTime()}): {@code lock_until} is compared with the
 * database's clock, never with the clocks of the instances, so a skewed instance neither steals a held
 * lock nor waits for a free one. A dead holder's lock frees itself at its {@code lockAtMostFor}.
 *
 * <p>Fails closed: without the table the application does not start ({@link JobLockTable#verify}); and
 * should the table go missing later, ShedLock's lock attempt throws and the job is skipped, never run
 * unguarded.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${sample.jobs.default-lock-at-most-for:PT10M}")
class JobLockConfiguration {

    @Bean
    LockProvider jobLockProvider(JdbcTemplate jdbc) {
        JobLockTable.verify(jdbc);
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTableName(JobLockTable.NAME)
                .usingDbTime()
                .withLockedByValue(holderName())
                .build());
    }

    /**
     * Host and process id. ShedLock's default, the host name alone, is the same for two instances on one
     * host; it releases a lock only where {@code locked_by} matches, so a late instance would release the
     * lock that another instance of its host took over after {@code lockAtMostFor}.
     */
    static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "/" + ProcessHandle.current().pid();
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
