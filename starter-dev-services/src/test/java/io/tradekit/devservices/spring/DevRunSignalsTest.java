package io.tradekit.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev run stopped with {@code SIGTERM} (what {@code mvn spring-boot:run} sends its application when
 * Maven itself is signalled) ends with status 0 after a normal shutdown, so the Maven plugin does not
 * report {@code BUILD FAILURE ... exit code: 143}. A real child JVM, a real signal.
 */
@Tag("multi-process")
class DevRunSignalsTest {

    @TempDir
    Path dir;

    @Test
    void sigtermEndsADevRunWithStatusZeroAfterTheShutdownHooksRan() throws Exception {
        Path output = dir.resolve("child.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ShutdownOrderApplication.class.getName(), ShutdownOrderApplication.WAIT_FOR_SIGNAL)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            awaitLine(output, "STARTED", child);
            child.destroy(); // SIGTERM on Linux
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM: %s", read(output)).isTrue();
            List<String> lines = read(output);
            assertThat(child.exitValue()).as("exit status after SIGTERM; printed %s", lines).isZero();
            // The stop was the normal one: Spring closed its context while the dev Redis still answered.
            assertThat(lines).contains(ShutdownOrderApplication.MARKER + "+PONG");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void awaitLine(Path output, String line, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (read(output).contains(line)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("child exited early: " + read(output));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("child never printed " + line + ": " + read(output));
    }

    private static List<String> read(Path output) throws java.io.IOException {
        return Files.exists(output)
                ? Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(String::trim).toList()
                : List.of();
    }
}
