package io.tradekit.sample.nft.shared.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Two processes run the same guarded job against one database (an H2 TCP server standing in for the
 * shared MySQL): the job's runs never overlap, and when the process inside the job is killed (SIGKILL, no
 * unlock) the survivor takes the job over once the lock's {@code lockAtMostFor} has passed. Each process is a
 * {@link JobLockChild} on this JVM's test classpath, with the sample's own {@link JobLockConfiguration}.
 */
@Tag("multi-process")
class JobLockTwoProcessesTest {

    private static final long POLL_MILLIS = 5;
    /** Every wait of the test shares this budget, under the 60-second timeout that also reaps the children. */
    private static final long BUDGET_SECONDS = 55;

    private final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);

    private final List<Process> children = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private JdbcTemplate jdbc;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theJobRunsInOneProcessAtATimeAndOnTheSurvivorOnceItsHolderIsKilled() throws Exception {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-ifNotExists").start();
        Thread reaper = new Thread(this::killChildren, "job-lock-test-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort()
                    + "/mem:joblock;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
            DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
            new ResourceDatabasePopulator(JobLockConfigurationTests.MIGRATION).execute(dataSource);
            jdbc = new JdbcTemplate(dataSource);
            jdbc.execute(JobLockChild.SCHEMA);

            Process first = startChild(url);
            Process second = startChild(url);
            await("both processes started", () -> started(first) && started(second));

            // The job runs again and again, whichever process gets the lock.
            await("3 finished runs", () -> finishedRuns() >= 3);
            assertNoOverlap(runs(), Long.MAX_VALUE);

            // Kill the holder inside a run it has just begun: it never unlocks, its lock lives to lockAtMostFor.
            Run victimRun = awaitFreshRun();
            Process victim = victimRun.pid() == first.pid() ? first : second;
            Process survivor = victim == first ? second : first;
            victim.destroyForcibly();
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).as("the holder died").isTrue();
            long killedAt = next();
            assertThat(endOf(victimRun.startSeq())).as("the holder died inside the job, before its run ended%s",
                    childLogs()).isEmpty();
            assertThat(lockedBy()).as("the lock row names the killed process").endsWith("/" + victim.pid());
            long runsBeforeKill = runs().size();

            // The survivor takes over after lockAtMostFor, and keeps running it.
            await("2 runs of the survivor after the kill",
                    () -> runsOfAfter(survivor.pid(), killedAt) >= 2);
            assertThat(survivor.isAlive()).isTrue();
            assertThat(lockedBy()).as("the survivor took the lock over").endsWith("/" + survivor.pid());
            List<Run> runs = runs();
            assertThat(runs.size()).isGreaterThan((int) runsBeforeKill);
            assertThat(runs).filteredOn(run -> run.startSeq() > killedAt)
                    .as("only the survivor runs after the kill").allMatch(run -> run.pid() == survivor.pid());
            assertNoOverlap(runs, killedAt);
        } finally {
            killChildren();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            server.stop();
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        }
    }

    /**
     * No run starts before the previous one ended, in the one order of the database sequence. A run without
     * an end is the killed holder's (ended by {@code killedAt}) or the last one, still running.
     */
    private void assertNoOverlap(List<Run> runs, long killedAt) {
        List<Run> ordered = runs.stream().sorted(Comparator.comparingLong(Run::startSeq)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            Run previous = ordered.get(i - 1);
            long previousEnd = previous.endSeq() != null ? previous.endSeq()
                    : previous.startSeq() < killedAt ? killedAt : Long.MAX_VALUE;
            assertThat(ordered.get(i).startSeq()).as("run %s started before %s ended; all runs: %s%s",
                    ordered.get(i), previous, ordered, childLogs()).isGreaterThan(previousEnd);
        }
    }

    /** Waits for a run to begin (not open at one poll, open at the next), so it has most of its time left. */
    private Run awaitFreshRun() throws InterruptedException {
        Optional<Run> before = openRun();
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            Optional<Run> now = openRun();
            if (now.isPresent() && !now.equals(before)) {
                return now.get();
            }
            before = now;
        }
        throw new AssertionError("no run began within the test's budget" + childLogs());
    }

    private void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within the test's budget: " + what + "; runs: " + runs() + childLogs());
            }
            Thread.sleep(50);
        }
    }

    private Process startChild(String url) throws IOException {
        Path log = Files.createTempFile("job-lock-child-", ".log");
        logs.add(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), JobLockChild.class.getName(), url)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(child);
        return child;
    }

    /** Whether the child's context is up (it prints this line after its refresh). */
    private boolean started(Process child) {
        Path log = logs.get(children.indexOf(child));
        if (!child.isAlive()) {
            throw new AssertionError("child " + child.pid() + " exited with " + child.exitValue() + childLogs());
        }
        try {
            return Files.readString(log).contains("child " + child.pid() + " started");
        } catch (IOException e) {
            return false;
        }
    }

    private void killChildren() {
        for (Process child : children) {
            child.destroyForcibly();
        }
        for (Process child : children) {
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String childLogs() {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            try {
                List<String> lines = Files.readAllLines(log);
                text.append("\n--- ").append(log).append(" (last 40 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            } catch (IOException e) {
                text.append("\n--- ").append(log).append(" unreadable: ").append(e);
            }
        }
        return text.toString();
    }

    private long next() {
        return jdbc.queryForObject("SELECT NEXT VALUE FOR job_run_seq", Long.class);
    }

    private List<Run> runs() {
        return jdbc.query("SELECT start_seq, pid, end_seq FROM job_run ORDER BY start_seq",
                (row, i) -> new Run(row.getLong("start_seq"), row.getLong("pid"), (Long) row.getObject("end_seq", Long.class)));
    }

    private String lockedBy() {
        return jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = ?", String.class, JobLockChild.LOCK);
    }

    private long finishedRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job_run WHERE end_seq IS NOT NULL", Long.class);
    }

    private long runsOfAfter(long pid, long seq) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job_run WHERE pid = ? AND start_seq > ?", Long.class, pid, seq);
    }

    private Optional<Run> openRun() {
        return runs().stream().filter(run -> run.endSeq() == null).reduce((a, b) -> b);
    }

    private Optional<Long> endOf(long startSeq) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT end_seq FROM job_run WHERE start_seq = ?", Long.class, startSeq));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One run of the job: its process and the sequence numbers of its start and end (null while running). */
    record Run(long startSeq, long pid, Long endSeq) {
    }
}
