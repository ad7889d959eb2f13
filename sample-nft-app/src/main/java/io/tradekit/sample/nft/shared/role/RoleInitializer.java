package io.tradekit.sample.nft.shared.role;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@code sample.role} before any bean definition is read: the other roles' contexts leave the
 * component scan ({@link RoleScanFilter}) and Dubbo's service scan, and the trade role leaves Flyway to
 * the goods role. Registered in {@code META-INF/spring.factories}, so tests and {@code java -jar} get it
 * alike; the default role {@code all} changes nothing.
 */
public final class RoleInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The property that names the role (also set by the profiles {@code trade} and {@code goods}). */
    public static final String PROPERTY = "sample.role";

    private static final Logger log = LoggerFactory.getLogger(RoleInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        SampleRole role = SampleRole.of(environment.getProperty(PROPERTY, SampleRole.ALL.id()));
        if (!role.split()) {
            return;
        }
        requireSharedServers(environment, role);
        // First: the service scan must export exactly what the component scan keeps.
        environment.getPropertySources().addFirst(new MapPropertySource("sampleRole", Map.of(
                "dubbo.scan.base-packages", String.join(",", role.facadePackages(context.getClassLoader())))));
        // Last: defaults of the role that a command line or file may still override.
        environment.getPropertySources().addLast(new MapPropertySource("sampleRoleDefaults", Map.of(
                "spring.flyway.enabled", Boolean.toString(role == SampleRole.GOODS),
                // The broker checks a half message back with any producer of the group that sent it: a
                // process without the order context would answer an order's check-back "unknown scene" and
                // roll back a buy that committed. One group per role: every member can answer its check-backs.
                "tradekit.txmsg.producer-group", "tradekit-txmsg-producer-" + role.id(),
                // One registry cache file per process would be needed otherwise: the processes of this
                // machine lock the same ~/.dubbo file and warn.
                "dubbo.registry.file-cache", "false")));
        context.getBeanFactory().registerSingleton(RoleScanFilter.class.getName(), new RoleScanFilter(role));
        log.info("sample role {}: contexts {}", role.id(), role.packages());
    }

    /**
     * Processes of different roles must meet on the same Redis, broker, registry and database: dev
     * services started inside each process would give every process servers of its own.
     */
    private static void requireSharedServers(ConfigurableEnvironment environment, SampleRole role) {
        boolean shared = environment.getProperty("tradekit.dev-services.shared-servers", Boolean.class, false);
        boolean ownServers = environment.getProperty("tradekit.dev-services.enabled", Boolean.class, true)
                && (enabled(environment, "redis") || enabled(environment, "rocketmq") || enabled(environment, "zookeeper"));
        if (!shared && ownServers) {
            throw new IllegalStateException("sample.role=" + role.id() + " runs part of the sample: its processes must"
                    + " share Redis, RocketMQ, ZooKeeper and the database. Start the shared dev servers (DevServersMain,"
                    + " see the sample's README, \"Running by role\") and add --spring.config.import=file:<their file>,"
                    + " or set tradekit.dev-services.enabled=false and configure real servers.");
        }
    }

    private static boolean enabled(ConfigurableEnvironment environment, String server) {
        // Unset means on: the starter starts a server whenever its client is on the classpath, as here.
        return environment.getProperty("tradekit.dev-services." + server + ".enabled", Boolean.class, true);
    }
}
