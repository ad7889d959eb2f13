package io.tradekit.benchmarks.stock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code redis-benchmark -c 50 -P <pipeline> -n <ops> -r 100000000 --csv <command...>} against a
 * loopback Redis, answering the EVALSHA requests per second. Shared by {@link StockDeductBenchmark}
 * and the seckill load driver so both quote the same ceiling the same way.
 */
public final class RedisBenchmarkRun {

    /** The Debian/Ubuntu location of the tool (package redis-tools). */
    public static final String BINARY = "/usr/bin/redis-benchmark";

    // The first CSV field is the quoted command (it may hold commas); the second the rps.
    private static final Pattern EVALSHA_RPS = Pattern.compile("(?im)^\"evalsha.*?\",\"([0-9.]+)\"");

    private RedisBenchmarkRun() {
    }

    /**
     * Runs the tool to completion (at most 10 minutes) and returns the EVALSHA rate.
     *
     * @param command the command and its arguments, {@code __rand_int__} replaced per call by the tool
     * @throws IllegalStateException when the output holds no EVALSHA line (the tool's output is in the message)
     */
    public static double evalshaRps(String binary, int port, int clients, int pipeline, int ops, List<String> command)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(binary, "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-c", String.valueOf(clients), "-P", String.valueOf(pipeline), "-n", String.valueOf(ops),
                "-r", "100000000", "--csv"));
        cmd.addAll(command);
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("redis-benchmark did not finish in 10 minutes");
        }
        Matcher rps = EVALSHA_RPS.matcher(out);
        if (rps.find()) {
            return Double.parseDouble(rps.group(1));
        }
        throw new IllegalStateException("no EVALSHA line in redis-benchmark output: " + out);
    }
}
