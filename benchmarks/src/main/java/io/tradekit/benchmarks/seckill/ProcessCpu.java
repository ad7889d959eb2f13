package io.tradekit.benchmarks.seckill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from /proc/[pid]/stat (utime + stime), in milliseconds. */
final class ProcessCpu {

    /** USER_HZ of Linux on x86-64, the unit of /proc/[pid]/stat CPU times. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    static double millis(long pid) {
        double[] times = userAndSystemMillis(pid);
        return times[0] + times[1];
    }

    /** User and system CPU time of a process, in milliseconds: where a server's cost goes (its own code or the kernel's). */
    static double[] userAndSystemMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new double[] {Long.parseLong(fields[11]) * 1000 / CLOCK_TICKS_PER_SECOND,
                    Long.parseLong(fields[12]) * 1000 / CLOCK_TICKS_PER_SECOND};
        } catch (IOException e) {
            throw new UncheckedIOException("no CPU times for process " + pid, e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
