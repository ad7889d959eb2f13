package io.tradekit.facade.autoconfigure;

import io.tradekit.facade.dubbo.FacadeTraceFilter;
import org.springframework.beans.factory.DisposableBean;

/**
 * Turns the {@link FacadeTraceFilter} (instantiated by Dubbo, not by Spring) on or off while its
 * application context lives, and back on when the context closes.
 *
 * <p>The switch is one per class loader: two contexts in one JVM with different settings see the
 * one set last.
 */
public class FacadeTraceFilterSwitch implements DisposableBean {

    private final boolean enabled;

    /**
     * Sets the switch.
     *
     * @param enabled whether the filter sets the trace id
     */
    public FacadeTraceFilterSwitch(boolean enabled) {
        this.enabled = enabled;
        FacadeTraceFilter.setEnabled(enabled);
    }

    /**
     * Tells what this bean set.
     *
     * @return whether the filter was switched on
     */
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void destroy() {
        FacadeTraceFilter.setEnabled(true);
    }
}
