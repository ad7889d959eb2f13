-- Lock rows of the scheduled jobs (ShedLock, shared.job.JobLockConfiguration): one row per job name; the
-- instance that moves lock_until into the future runs the job, the others skip that run. Times are written
-- by the database itself (UTC_TIMESTAMP(3) on MySQL/MariaDB; on H2, CURRENT_TIMESTAMP(3) in the session's zone): DATETIME, not
-- TIMESTAMP, so no session time zone shifts them and MariaDB adds no ON UPDATE CURRENT_TIMESTAMP to them.
-- locked_by is host/pid of the holder. V9xx: shared, not a context's table.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until DATETIME(3) NOT NULL,
    locked_at DATETIME(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
