package io.tradekit.devservices.standalone;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.TempDirs;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;

/**
 * An H2 TCP server on 127.0.0.1, so several application processes share one (in-memory) database,
 * as several instances share one MySQL in production. In-memory databases live as long as this
 * server; {@code -ifNotExists} lets the first client create its database; other hosts are refused
 * (no {@code -tcpAllowOthers}), and {@code h2.bindAddress} keeps the socket itself on loopback.
 * Public for tests that run one application process on servers of their own (a crash test's database).
 */
public final class H2TcpServer implements AutoCloseable {

    /** H2 reads it once, when its classes load: set before the first use of H2. */
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";

    private final Server server;
    private final Path baseDir;

    private H2TcpServer(Server server, Path baseDir) {
        this.server = server;
        this.baseDir = baseDir;
    }

    /** Starts a server on a free port of 127.0.0.1 (the launcher's and tests' one way to get one). */
    public static H2TcpServer start() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, FreePorts.LOOPBACK);
        }
        if (!FreePorts.LOOPBACK.equals(SysProperties.BIND_ADDRESS)) {
            // H2 read the property when its classes loaded (a JDBC call earlier in this JVM): a server now
            // would listen on every interface. Fail closed; the JVM must start with the property.
            throw new DevServiceStartException("H2 TCP server refused: H2 binds to " + SysProperties.BIND_ADDRESS
                    + " in this JVM (H2 was loaded before " + BIND_ADDRESS_PROPERTY + " was set); start the JVM with -D"
                    + BIND_ADDRESS_PROPERTY + "=" + FreePorts.LOOPBACK);
        }
        Path baseDir = TempDirs.create("h2");
        int port = FreePorts.next();
        try {
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists",
                    "-baseDir", baseDir.toString()).start();
            return new H2TcpServer(server, baseDir);
        } catch (SQLException e) {
            TempDirs.deleteQuietly(baseDir);
            throw new DevServiceStartException("H2 TCP server cannot start on " + FreePorts.LOOPBACK + ":" + port + ": " + e, e);
        }
    }

    /** Where it keeps files (nothing, for in-memory databases): removed on {@link #close()}. */
    Path baseDir() {
        return baseDir;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return server.getPort();
    }

    /** A JDBC URL of an in-memory database {@code name} on this server, with H2 {@code options}. */
    public String jdbcUrl(String name, String options) {
        return "jdbc:h2:tcp://" + FreePorts.LOOPBACK + ":" + port() + "/mem:" + name
                + (options == null || options.isBlank() ? "" : ";" + options);
    }

    @Override
    public void close() {
        server.stop();
        TempDirs.deleteQuietly(baseDir);
    }
}
