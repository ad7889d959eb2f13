package io.tradekit.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev servers must outlive the Spring contexts that use them at JVM exit: a bean closed by Spring
 * Boot's shutdown hook still reaches the dev Redis. Each run starts a real child JVM and lets it exit.
 *
 * <p>What this guards, and what it does not: the dev services' hook used to wait for Spring's hook
 * thread only if it saw it in a snapshot of the running threads. In the sample's busy test JVM it did
 * not (ZooKeeper and the broker were gone 14 ms into the exit, and Dubbo retried unregistering until
 * Surefire killed the JVM 30 s later); it now waits for a Spring Boot shutdown handler, which runs after
 * every context is closed. This small child JVM did not reproduce the old race (the old code passed it
 * six times), so it proves the guarantee holds, not that the race is gone; the sample suite's exit is
 * that evidence.
 */
class DevServicesShutdownOrderTest {

    @TempDir
    Path dir;

    @Test
    void aBeanClosedAtJvmExitStillReachesTheDevRedis() throws Exception {
        for (int run = 1; run <= 3; run++) {
            List<String> lines = runChild(run);

            assertThat(lines).as("run %d printed: %s", run, lines).contains("STARTED");
            assertThat(lines).as("run %d printed: %s", run, lines).contains(ShutdownOrderApplication.MARKER + "+PONG");
        }
    }

    private List<String> runChild(int run) throws IOException, InterruptedException {
        Path output = dir.resolve("child-" + run + ".log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ShutdownOrderApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        // Bounded: a child that does not exit is killed and the test fails with what it printed.
        if (!child.waitFor(90, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM did not exit within 90 s: " + Files.readString(output));
        }
        assertThat(child.exitValue()).as("exit code of run %d", run).isZero();
        return Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(String::trim).toList();
    }
}
