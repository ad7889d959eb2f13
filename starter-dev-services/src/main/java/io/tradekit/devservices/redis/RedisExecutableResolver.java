package io.tradekit.devservices.redis;

import io.tradekit.devservices.DevServiceStartException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * Finds a {@code redis-server} that runs on this machine: the one configured, else the binary
 * shipped in the embedded-redis jar, else the one on {@code PATH}.
 *
 * <p>Each candidate must answer {@code --version}: a binary for the wrong architecture or
 * missing a shared library is skipped with its reason, and when none runs the error names
 * every candidate tried and what to do.
 */
final class RedisExecutableResolver {

    /** Extracts the embedded binary into a directory; a seam so tests can break it. */
    interface EmbeddedBinary {
        Path extractInto(Path directory) throws IOException;
    }

    static final EmbeddedBinary EMBEDDED_REDIS_JAR =
            directory -> ExecutableProvider.newJarResourceProvider(directory.toFile()).get().toPath();

    private final EmbeddedBinary embeddedBinary;
    private final String pathVariable;

    RedisExecutableResolver() {
        this(EMBEDDED_REDIS_JAR, System.getenv("PATH"));
    }

    RedisExecutableResolver(EmbeddedBinary embeddedBinary, String pathVariable) {
        this.embeddedBinary = embeddedBinary;
        this.pathVariable = pathVariable;
    }

    /**
     * @param configured an explicit binary ({@code tradekit.dev-services.redis.executable}) or null
     * @param workDir    where the embedded binary is extracted
     */
    Path resolve(Path configured, Path workDir) {
        if (configured != null) {
            String problem = problemRunning(configured);
            if (problem != null) {
                throw new DevServiceStartException("Redis dev service cannot start: the configured executable "
                        + configured + " (tradekit.dev-services.redis.executable) " + problem
                        + ". Point the property at a working redis-server, or remove it to use the embedded binary.");
            }
            return configured;
        }
        List<String> tried = new ArrayList<>();
        try {
            Path embedded = embeddedBinary.extractInto(workDir);
            String problem = problemRunning(embedded);
            if (problem == null) {
                return embedded;
            }
            tried.add("the embedded-redis binary " + embedded + " " + problem);
        } catch (IOException | RuntimeException e) {
            tried.add("the embedded-redis binary could not be extracted (" + e.getMessage() + ")");
        }
        Path onPath = findOnPath("redis-server");
        if (onPath == null) {
            tried.add("no redis-server on PATH");
        } else {
            String problem = problemRunning(onPath);
            if (problem == null) {
                return onPath;
            }
            tried.add("redis-server on PATH at " + onPath + " " + problem);
        }
        throw new DevServiceStartException("Redis dev service cannot start: no runnable redis-server. Tried "
                + String.join("; and ", tried)
                + ". Install Redis (e.g. apt-get install redis-server), or set tradekit.dev-services.redis.executable"
                + " to a redis-server binary, or set tradekit.dev-services.redis.enabled=false and configure"
                + " spring.data.redis.* yourself.");
    }

    /** {@code name} as an executable file in one of the directories of the PATH this resolver searches, or null. */
    Path findOnPath(String name) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return null;
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Null when {@code redis-server --version} works, else why it does not. */
    static String problemRunning(Path executable) {
        if (!Files.isRegularFile(executable)) {
            return "does not exist";
        }
        if (!Files.isExecutable(executable)) {
            return "is not executable";
        }
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "did not answer --version within 5 s";
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0 || !text.contains("Redis server")) {
                return "failed to run (exit " + process.exitValue() + ": " + firstLine(text) + ")";
            }
            return null;
        } catch (IOException e) {
            return "failed to run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "was interrupted while checking --version";
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
