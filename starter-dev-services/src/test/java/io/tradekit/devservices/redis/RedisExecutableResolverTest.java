package io.tradekit.devservices.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.DevServiceStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisExecutableResolverTest {

    @TempDir
    Path work;

    @Test
    void usesTheEmbeddedBinaryFirst() {
        Path resolved = new RedisExecutableResolver().resolve(null, work);

        assertThat(resolved).startsWith(work);
        assertThat(RedisExecutableResolver.problemRunning(resolved)).isNull();
    }

    @Test
    void fallsBackToRedisServerOnPathWhenTheEmbeddedBinaryCannotRun() throws IOException {
        Path binDir = Files.createDirectories(work.resolve("bin"));
        Path fake = fakeRedisServer(binDir.resolve("redis-server"), "Redis server v=7.0.0 sha=0");
        RedisExecutableResolver resolver = new RedisExecutableResolver(brokenEmbedded(), binDir.toString());

        assertThat(resolver.resolve(null, work)).isEqualTo(fake);
    }

    @Test
    void namesBothCandidatesWhenNeitherRuns() {
        RedisExecutableResolver resolver = new RedisExecutableResolver(brokenEmbedded(), "");

        assertThatThrownBy(() -> resolver.resolve(null, work))
                .isInstanceOf(DevServiceStartException.class)
                .hasMessageContaining("Redis dev service cannot start")
                .hasMessageContaining("embedded-redis binary")
                .hasMessageContaining("no redis-server on PATH")
                .hasMessageContaining("apt-get install redis-server")
                .hasMessageContaining("tradekit.dev-services.redis.executable");
    }

    @Test
    void reportsABinaryThatExistsButDoesNotRun() throws IOException {
        Path binDir = Files.createDirectories(work.resolve("bin"));
        fakeRedisServer(binDir.resolve("redis-server"), "segmentation fault");
        RedisExecutableResolver resolver = new RedisExecutableResolver(notExecutableEmbedded(), binDir.toString());

        assertThatThrownBy(() -> resolver.resolve(null, work))
                .isInstanceOf(DevServiceStartException.class)
                .hasMessageContaining("is not executable")
                .hasMessageContaining("redis-server on PATH at " + binDir.resolve("redis-server"))
                .hasMessageContaining("failed to run");
    }

    @Test
    void aConfiguredExecutableThatIsMissingFailsNamingTheProperty() {
        Path missing = work.resolve("no-such-redis-server");

        assertThatThrownBy(() -> new RedisExecutableResolver().resolve(missing, work))
                .isInstanceOf(DevServiceStartException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("tradekit.dev-services.redis.executable");
    }

    private RedisExecutableResolver.EmbeddedBinary brokenEmbedded() {
        return directory -> {
            throw new IOException("Could not find Redis executable for this platform");
        };
    }

    private RedisExecutableResolver.EmbeddedBinary notExecutableEmbedded() {
        return directory -> Files.writeString(directory.resolve("redis-server-embedded"), "not a binary");
    }

    /** A shell script standing in for redis-server: prints {@code versionLine} for --version. */
    private static Path fakeRedisServer(Path file, String versionLine) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
