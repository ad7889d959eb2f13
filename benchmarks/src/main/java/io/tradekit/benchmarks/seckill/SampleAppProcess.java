package io.tradekit.benchmarks.seckill;

import io.tradekit.devservices.standalone.BootAppProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The repackaged sample app started as a child JVM ({@link BootAppProcess}) with a free port for its in-JVM
 * Redis dev service too (so the driver can measure that very Redis). A child process rather than
 * in-process: the Boot jar's classes sit under BOOT-INF and cannot be a plain dependency, and a separate
 * JVM keeps the driver's allocation and threads out of the server's.
 */
final class SampleAppProcess implements AutoCloseable {

    private final BootAppProcess app;
    private final int redisPort;

    private SampleAppProcess(BootAppProcess app, int redisPort) {
        this.app = app;
        this.redisPort = redisPort;
    }

    /** Starts the jar (default collector, the given heap) and waits until /actuator/health answers UP. */
    static SampleAppProcess start(Path jar, Path log, String heap, List<String> extraArgs, Duration startTimeout)
            throws IOException, InterruptedException {
        int redisPort = BootAppProcess.freePort();
        List<String> args = new ArrayList<>(List.of("--tradekit.dev-services.redis.port=" + redisPort,
                // The broker's production default: dev services check half messages after 1 s so tests
                // are quick, which under load turns every slow commit into a check-back (run 1 and 2).
                "--tradekit.dev-services.rocketmq.transaction-timeout=6s"));
        args.addAll(extraArgs);
        return new SampleAppProcess(BootAppProcess.start("sample app", jar, log, List.of("-Xmx" + heap), args,
                startTimeout), redisPort);
    }

    int httpPort() {
        return app.httpPort();
    }

    int redisPort() {
        return redisPort;
    }

    long pid() {
        return app.pid();
    }

    /** SIGTERM (Boot's graceful shutdown stops the dev services), then a kill after 30 s. */
    @Override
    public void close() {
        app.close();
    }
}
