package io.tradekit.devservices.redis;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code redis-cli --cluster create}, which assigns the 16384 slots to the masters and introduces
 * them to each other: the one step of forming a cluster that is not a plain command to a node.
 */
final class RedisClusterCli {

    private RedisClusterCli() {
    }

    /** redis-cli on PATH; the embedded-redis jar ships none, so without it no cluster can be made. */
    static Path locate(RedisExecutableResolver resolver) {
        Path cli = resolver.findOnPath("redis-cli");
        if (cli == null) {
            throw new DevServiceStartException("Redis Cluster dev service cannot start: no redis-cli on PATH,"
                    + " which joins the nodes into a cluster. Install it (Debian/Ubuntu: apt-get install redis-tools).");
        }
        return cli;
    }

    static void create(Path cli, List<Integer> ports, Path workDir, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        ports.forEach(port -> command.add(FreePorts.LOOPBACK + ":" + port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = workDir.resolve("cluster-create.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new DevServiceStartException("Redis Cluster dev service: redis-cli --cluster create did not"
                            + " finish within " + timeout.toSeconds() + " s. Output: " + tail(log));
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            if (process.exitValue() != 0) {
                throw new DevServiceStartException("Redis Cluster dev service: redis-cli --cluster create failed (exit "
                        + process.exitValue() + "). Output: " + tail(log));
            }
        } catch (IOException e) {
            throw new DevServiceStartException("Redis Cluster dev service cannot run " + cli + " (" + e.getMessage()
                    + "). Install redis-tools (apt-get install redis-tools).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceStartException("Interrupted while creating the Redis Cluster", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
