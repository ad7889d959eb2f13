package io.tradekit.sso.autoconfigure;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Logs one WARN when {@code tradekit.sso.enabled=false}: no login check and no route rule runs, so
 * every path the rules would have guarded is open to anonymous requests.
 */
final class SsoDisabledWarning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SsoDisabledWarning.class);

    private final Environment environment;

    SsoDisabledWarning(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        log.warn(message());
    }

    String message() {
        List<String> patterns = Binder.get(environment)
                .bind("tradekit.sso.routes", Bindable.listOf(SsoProperties.Route.class))
                .map(routes -> routes.stream().map(SsoProperties.Route::getPattern).toList())
                .orElse(List.of());
        return "tradekit.sso.enabled=false: no login check and no route rule runs; every path is open to anonymous"
                + " requests" + (patterns.isEmpty() ? "" : ", including the route rules on " + patterns)
                + ", and SsoLoginService is not available";
    }
}
