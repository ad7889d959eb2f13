package io.tradekit.sample.nft.shared.job;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One "instance" of {@link JobLockTwoProcessesTest}: a minimal Spring context with the sample's own
 * {@link JobLockConfiguration} (imported, not copied) and one job scheduled every {@value #DELAY_MILLIS} ms
 * that records its run as {@code (pid, start_seq, end_seq)} in the shared database, sleeping inside. The
 * sequence numbers come from one database sequence: a total order of all runs of both processes without
 * trusting any clock. Runs until killed or until its standard input closes (the test JVM died).
 *
 * <p>Argument: the JDBC URL of the shared database.
 */
public final class JobLockChild {

    static final String LOCK = "multi-process-test-job";
    static final long DELAY_MILLIS = 100;
    /** Time inside the job: well under {@link #LOCK_AT_MOST_FOR}, so a live holder's lock never expires. */
    static final long RUN_MILLIS = 800;
    /** What a killed holder's lock is held for at most: the survivor's wait. */
    static final String LOCK_AT_MOST_FOR = "PT3S";

    static final String SCHEMA = "CREATE SEQUENCE job_run_seq;"
            + " CREATE TABLE job_run (start_seq BIGINT NOT NULL PRIMARY KEY, pid BIGINT NOT NULL, end_seq BIGINT NULL)";

    private JobLockChild() {
    }

    public static void main(String[] args) throws IOException {
        quietLogging();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("jdbcUrl", String.class, () -> args[0]);
        context.register(ChildConfiguration.class);
        context.registerShutdownHook();
        context.refresh();
        System.out.println("child " + ProcessHandle.current().pid() + " started");
        // The test keeps our stdin open; EOF means it ended (or died): stop rather than outlive it.
        while (System.in.read() != -1) {
            // nothing to read; the test never writes
        }
        context.close();
        System.exit(0);
    }

    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    /**
     * Registered by hand, not a {@code @Configuration}: the application's tests scan {@code io.tradekit.sample.nft}
     * including the test classes, and would pick this context's beans up.
     */
    @EnableScheduling
    @Import(JobLockConfiguration.class)
    static class ChildConfiguration {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(String jdbcUrl) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(jdbcUrl);
            dataSource.setUsername("sa");
            dataSource.setPassword("");
            dataSource.setMaximumPoolSize(3);
            return dataSource;
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        RecordingJob recordingJob(JdbcTemplate jdbc) {
            return new RecordingJob(jdbc);
        }
    }

    /** The guarded job: public and not final, as the sample's jobs (ShedLock locks through a proxy). */
    public static class RecordingJob {

        private final JdbcTemplate jdbc;
        private final long pid = ProcessHandle.current().pid();

        RecordingJob(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Scheduled(fixedDelay = DELAY_MILLIS)
        @SchedulerLock(name = LOCK, lockAtMostFor = LOCK_AT_MOST_FOR, lockAtLeastFor = "PT0S")
        public void run() throws InterruptedException {
            long start = next();
            jdbc.update("INSERT INTO job_run (start_seq, pid) VALUES (?, ?)", start, pid);
            Thread.sleep(Duration.ofMillis(RUN_MILLIS).toMillis());
            jdbc.update("UPDATE job_run SET end_seq = ? WHERE start_seq = ?", next(), start);
        }

        private long next() {
            return jdbc.queryForObject("SELECT NEXT VALUE FOR job_run_seq", Long.class);
        }
    }
}
