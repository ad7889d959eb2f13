package io.tradekit.devservices.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line of {@link DevServersMain}: {@code --name value} pairs, every one optional.
 *
 * @param file                     where the addresses are written (a properties file)
 * @param topics                   RocketMQ topics created (and routed) before the file appears
 * @param transactionTimeout       age of a half message before the broker's first check-back
 * @param transactionCheckInterval the broker's check-back interval
 * @param transactionCheckMax      check rounds of a half message before the brokers discard it (RocketMQ's
 *                                 {@code transactionCheckMax}); every round counts, also one that finds no
 *                                 producer connected (e.g. right after a broker restart)
 * @param database                 name of the in-memory H2 database the apps share
 * @param h2Options                H2 URL settings appended to the JDBC URL
 * @param exitOnStdinEof           stop everything when standard input ends: set by a parent process
 *                                 ({@link SharedServersProcess}) whose death must end the launcher too
 * @param redisCluster             a three-master Redis Cluster instead of one Redis ({@code --redis cluster})
 * @param redisAof                 the one Redis keeps an append-only file ({@code appendfsync everysec}), so
 *                                 that {@code restart-redis} after a kill loads it ({@code --redis-aof true})
 */
record DevServersOptions(Path file, List<String> topics, Duration transactionTimeout,
                         Duration transactionCheckInterval, int transactionCheckMax, String database, String h2Options,
                         boolean exitOnStdinEof, boolean redisCluster, boolean redisAof) {

    static final String USAGE = "usage: DevServersMain [--file <path>] [--topics a,b] [--transaction-timeout 6s]"
            + " [--transaction-check-interval 1s] [--transaction-check-max 15] [--database tradekit]"
            + " [--h2-options 'MODE=MySQL;...'] [--exit-on-stdin-eof false] [--redis standalone|cluster]"
            + " [--redis-aof false|true]";

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    static DevServersOptions parse(String[] args) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "tradekit-dev-servers.properties");
        List<String> topics = List.of();
        Duration timeout = Duration.ofSeconds(6);
        Duration interval = Duration.ofSeconds(1);
        int checkMax = 15;
        String database = "tradekit";
        String h2Options = "MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        boolean exitOnStdinEof = false;
        boolean redisCluster = false;
        boolean redisAof = false;
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs. " + USAGE);
        }
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--file" -> file = Path.of(value);
                case "--topics" -> topics = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(t -> !t.isEmpty()).toList();
                case "--transaction-timeout" -> timeout = duration(args[i], value);
                case "--transaction-check-interval" -> interval = duration(args[i], value);
                case "--transaction-check-max" -> checkMax = positive(args[i], value);
                case "--database" -> {
                    if (!DATABASE.matcher(value).matches()) {
                        throw new IllegalArgumentException("--database must match " + DATABASE + ", was " + value);
                    }
                    database = value;
                }
                case "--h2-options" -> h2Options = value;
                case "--exit-on-stdin-eof" -> {
                    exitOnStdinEof = bool(args[i], value);
                }
                case "--redis-aof" -> redisAof = bool(args[i], value);
                case "--redis" -> {
                    if (!value.equals("standalone") && !value.equals("cluster")) {
                        throw new IllegalArgumentException("--redis expects standalone or cluster, was " + value);
                    }
                    redisCluster = value.equals("cluster");
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ". " + USAGE);
            }
        }
        if (redisAof && redisCluster) {
            throw new IllegalArgumentException("--redis-aof true needs --redis standalone (the cluster keeps no AOF). " + USAGE);
        }
        return new DevServersOptions(file.toAbsolutePath(), topics, timeout, interval, checkMax, database, h2Options,
                exitOnStdinEof, redisCluster, redisAof);
    }

    private static boolean bool(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " expects true or false, was " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " expects a positive number, was " + value);
    }

    /** {@code 6s}, {@code 500ms}, {@code 1m} or ISO-8601 ({@code PT6S}). */
    private static Duration duration(String name, String value) {
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return Duration.parse(value);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " expects a duration such as 6s or 500ms, was " + value);
    }
}
