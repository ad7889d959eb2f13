package io.tradekit.facade.health;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.dubbo.registry.Registry;
import org.apache.dubbo.registry.support.RegistryManager;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Health of the Dubbo registry: the same question as Dubbo's own {@code RegistryStatusChecker}
 * (each registry of the application model, {@link Registry#isAvailable()}), answered per registry
 * address. For ZooKeeper that is the Curator client's connection state: a local read, no network
 * round trip, so the check cannot hang. Down when a registry is disconnected: this instance's
 * providers are then not found by new consumers, and its references do not see provider changes.
 * Unknown (which does not change the aggregate status) when Dubbo has no registry in this context.
 */
public class DubboRegistryHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<ApplicationModel> applicationModel;

    /**
     * @param applicationModel the application model Dubbo's Spring integration registers (resolved at
     *                         check time: Dubbo registers it while the context starts)
     */
    public DubboRegistryHealthIndicator(ObjectProvider<ApplicationModel> applicationModel) {
        super("Dubbo registry health check failed");
        this.applicationModel = Objects.requireNonNull(applicationModel, "applicationModel");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ApplicationModel model = applicationModel.getIfUnique();
        if (model == null || model.isDestroyed()) {
            builder.unknown().withDetail("reason", "Dubbo is not running in this application context");
            return;
        }
        Collection<Registry> registries = RegistryManager.getInstance(model).getRegistries();
        if (registries.isEmpty()) {
            builder.unknown().withDetail("reason", "Dubbo uses no registry (no service exported or referred "
                    + "through one yet)");
            return;
        }
        Map<String, String> states = new LinkedHashMap<>();
        boolean allConnected = true;
        for (Registry registry : registries) {
            boolean connected = registry.isAvailable();
            allConnected &= connected;
            states.merge(registry.getUrl().getProtocol() + "://" + registry.getUrl().getAddress(),
                    connected ? "connected" : "disconnected",
                    (a, b) -> "connected".equals(a) && "connected".equals(b) ? a : "disconnected");
        }
        builder.status(allConnected ? Status.UP : Status.DOWN).withDetail("registries", states);
        if (!allConnected) {
            builder.withDetail("error", "a Dubbo registry is disconnected");
        }
    }
}
