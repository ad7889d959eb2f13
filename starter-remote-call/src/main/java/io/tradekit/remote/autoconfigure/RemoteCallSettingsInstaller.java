package io.tradekit.remote.autoconfigure;

import io.tradekit.remote.RemoteCallSettings;
import java.util.Objects;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Installs a {@link RemoteCallSettings} bean as the JVM-wide current settings while its
 * application context lives, and uninstalls it when the context closes.
 */
public class RemoteCallSettingsInstaller implements InitializingBean, DisposableBean {

    private final RemoteCallSettings settings;

    /**
     * Creates the installer.
     *
     * @param settings the settings to install, required
     */
    public RemoteCallSettingsInstaller(RemoteCallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
    }

    @Override
    public void afterPropertiesSet() {
        RemoteCallSettings.install(settings);
    }

    @Override
    public void destroy() {
        RemoteCallSettings.uninstall(settings);
    }
}
