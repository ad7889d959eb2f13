package io.tradekit.facade.callstats;

import java.util.List;

/**
 * What {@code GET /actuator/callstats} answers.
 *
 * @param facades     every {@code @Facade} method called since start, by name
 * @param remoteCalls every remote call made through tradekit-remote-call since start, by name
 */
public record CallStatsReport(List<CallStats> facades, List<CallStats> remoteCalls) {
}
