package io.tradekit.core.spring;

import io.tradekit.core.degrade.BreakerSettings;
import io.tradekit.core.degrade.ServerBreakers;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Builds the application's {@link ServerBreakers} from {@code tradekit.degrade.*}, each server's
 * {@code tradekit.degrade.servers.<name>.*} overriding the defaults; each starter that guards a
 * server registers the result as a bean unless the application (or another starter) has one, so
 * all share one breaker per server.
 */
public final class ServerBreakersBinding {

    /** The prefix of the defaults. */
    public static final String PREFIX = "tradekit.degrade";

    private ServerBreakersBinding() {
    }

    /** The breakers configured by {@code environment}. */
    public static ServerBreakers bind(Environment environment) {
        Binder binder = Binder.get(environment);
        BreakerSettings defaults = binder.bind(PREFIX, BreakerSettings.class).orElseGet(BreakerSettings::new);
        return new ServerBreakers(server -> binder.bind(PREFIX + ".servers." + server,
                Bindable.ofInstance(defaults.copy())).orElseGet(defaults::copy));
    }
}
