package io.tradekit.cache.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.cache.plain.PlainCacheApplication;
import io.tradekit.cache.remote.RemoteLevelMissingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A real start-up without a remote level ends in Spring Boot's failure report, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class RemoteLevelMissingFailureAnalyzerTests {

    @Test
    void anApplicationWhoseRedissonAutoConfigurationIsExcludedFailsWithDescriptionAndAction(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PlainCacheApplication.class).properties(
                "spring.main.web-application-type=none", "spring.main.banner-mode=off",
                "spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2").run())
                .isInstanceOf(RemoteLevelMissingException.class)
                .hasMessageContaining("PriceService#price(long) (bean 'priceService', BOTH cache 'priceCache')");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Description:", "PriceService#price(long)", "needs the remote (Redis) level")
                .contains("Action:", "there is no RedissonClient bean", "tradekit.cache.enabled=false")
                .doesNotContain("at io.tradekit.cache.autoconfigure.RemoteCacheUsageCheck.postProcessBeanFactory");
    }
}
