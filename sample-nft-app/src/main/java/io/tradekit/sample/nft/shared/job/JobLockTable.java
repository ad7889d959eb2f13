package io.tradekit.sample.nft.shared.job;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lock table of the scheduled jobs, created by Flyway's {@code V901__create_shedlock.sql}. */
final class JobLockTable {

    /** The table's name, ShedLock's default. */
    static final String NAME = "shedlock";

    private static final String PROBE = "SELECT name, lock_until, locked_at, locked_by FROM " + NAME + " WHERE 1 = 0";

    private JobLockTable() {
    }

    /**
     * Fails start-up when the table or one of its columns is missing. ShedLock itself would only log an
     * error at each run and skip the job: every job silently stopped in the whole cluster.
     *
     * @throws IllegalStateException naming the table and the migration to apply
     */
    static void verify(JdbcTemplate jdbc) {
        try {
            jdbc.queryForList(PROBE);
        } catch (DataAccessException e) {
            throw new IllegalStateException("The scheduled jobs need their lock table `" + NAME
                    + "` (name VARCHAR(64) primary key, lock_until DATETIME(3), locked_at DATETIME(3), locked_by"
                    + " VARCHAR(255)) in the application's database, and it is missing or incomplete: apply the"
                    + " Flyway migration db/migration/V901__create_shedlock.sql (spring.flyway.enabled=true, the"
                    + " default) or create the table as that file does. Cause: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
