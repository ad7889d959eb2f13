package io.tradekit.facade.health.probe;

import org.apache.dubbo.config.annotation.DubboService;

/** The exported implementation. */
@DubboService
public class HealthProbeServiceImpl implements HealthProbeService {

    @Override
    public String ping() {
        return "pong";
    }
}
