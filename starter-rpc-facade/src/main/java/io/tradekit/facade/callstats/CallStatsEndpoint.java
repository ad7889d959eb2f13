package io.tradekit.facade.callstats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradekit.facade.micrometer.MicrometerFacadeMetrics;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/callstats}: the seed's statistics — count, average latency, p99 and success rate —
 * per {@code @Facade} method (timer {@value #FACADE_METER}, tags {@code service}, {@code method}) and per
 * remote call (timer {@value #REMOTE_METER} of tradekit-remote-call, tag {@code call}), read from the
 * Micrometer timers, so the numbers are those an operator's Prometheus sees.
 *
 * <p>It names every facade and remote call of the system: expose it to operators only.
 */
@Endpoint(id = CallStatsEndpoint.ID)
public class CallStatsEndpoint {

    /** The endpoint id. */
    public static final String ID = "callstats";

    /** The facade timer, recorded by this starter. */
    public static final String FACADE_METER = MicrometerFacadeMetrics.TIMER_NAME;

    /**
     * The remote-call timer, recorded by tradekit-remote-call; read by name so that neither starter
     * needs the other. Without that starter the list of remote calls is empty.
     */
    public static final String REMOTE_METER = "tradekit.remote-call.calls";

    private final MeterRegistry registry;

    /**
     * Creates the endpoint.
     *
     * @param registry where the timers live
     */
    public CallStatsEndpoint(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
    }

    /**
     * The statistics of every facade method and remote call called since start, sorted by name.
     *
     * @return the report, empty lists when nothing was called
     */
    @ReadOperation
    public CallStatsReport callStats() {
        return new CallStatsReport(
                CallStatsCalculator.of(registry, FACADE_METER, CallStatsEndpoint::facadeName),
                CallStatsCalculator.of(registry, REMOTE_METER, timer -> timer.getId().getTag("call")));
    }

    private static String facadeName(Timer timer) {
        String service = timer.getId().getTag("service");
        String method = timer.getId().getTag("method");
        return service == null || method == null ? null : service + "." + method;
    }
}
