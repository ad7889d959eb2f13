package io.tradekit.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradekit.dev-services.exit-with-parent}: an application started as a child JVM ends when its parent
 * is killed with {@code kill -9} (no shutdown hook of the parent runs); without the property it would
 * outlive the parent. Real JVMs: the test starts a parent, which starts the application.
 */
@Tag("multi-process")
class ExitWithParentTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationEndsWhenItsParentIsKilled() throws Exception {
        ProcessHandle app = startAndKillParent("--tradekit.dev-services.exit-with-parent=true");
        try {
            assertThat(app.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the orphaned application").isFalse();
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void withoutThePropertyTheOrphanLivesOn() throws Exception {
        ProcessHandle app = startAndKillParent();
        try {
            Thread.sleep(3_000);
            assertThat(app.isAlive()).as("an orphan without the property (what the property is for)").isTrue();
        } finally {
            app.destroyForcibly();
        }
    }

    /** Starts parent → application, waits for the application's start, kills the parent; the application. */
    private ProcessHandle startAndKillParent(String... appArgs) throws Exception {
        Path appLog = dir.resolve("app-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ExitWithParentApplication.Parent.class.getName(), appLog.toString()));
        command.addAll(List.of(appArgs));
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessHandle app = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the parent's first line").startsWith("CHILD ");
            app = ProcessHandle.of(Long.parseLong(line.substring("CHILD ".length()))).orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(appLog) && Files.readString(appLog).contains("STARTED"))) {
                assertThat(app.isAlive()).as("the application died while starting: %s",
                        Files.exists(appLog) ? Files.readString(appLog) : "no log").isTrue();
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the application printed no STARTED within the 90 s bound of this wait");
                }
                Thread.sleep(100);
            }
            parent.destroyForcibly(); // SIGKILL: nothing of the parent runs
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return app;
        } catch (Exception | AssertionError e) {
            parent.destroyForcibly();
            if (app != null) {
                app.destroyForcibly();
            }
            throw e;
        }
    }
}
