/**
 * The cluster-wide guard of the scheduled jobs: every {@code @Scheduled} job method carries a named
 * ShedLock {@code @SchedulerLock}, held in the {@code shedlock} table of the database that all instances
 * share, so a job runs on one instance at a time however many instances run it on their schedule.
 * {@link io.tradekit.sample.nft.shared.job.JobLockConfiguration} sets it up and refuses to start without
 * the table.
 */
package io.tradekit.sample.nft.shared.job;
