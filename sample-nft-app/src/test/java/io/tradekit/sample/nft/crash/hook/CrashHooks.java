package io.tradekit.sample.nft.crash.hook;

import org.springframework.context.annotation.Bean;

/**
 * The crash hooks of a child trade process: named on its command line
 * ({@code --spring.main.sources=io.tradekit.sample.nft.crash.hook.CrashHooks}) and loaded from a directory
 * beside its Boot jar ({@code loader.path}), so no fault point ever ships in the application. Not a
 * {@code @Configuration}: the application's in-JVM tests scan {@code io.tradekit.sample.nft}, test classes
 * included, and must not pick the hooks up.
 */
public class CrashHooks {

    @Bean
    CrashPointAspect crashPointAspect() {
        return new CrashPointAspect(FaultPoints.fromSystemProperty());
    }
}
