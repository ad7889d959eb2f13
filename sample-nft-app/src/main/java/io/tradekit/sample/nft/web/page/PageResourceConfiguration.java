package io.tradekit.sample.nft.web.page;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the Noto Sans SC font the application already ships for its PDF dossier (SIL OFL) as the pages'
 * last-resort Chinese web font: a browser downloads it only when no font before it in the stack has the
 * glyphs (a machine without any CJK font, e.g. a bare headless browser), never on an ordinary desktop.
 */
@Configuration(proxyBeanMethods = false)
class PageResourceConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/fonts/**").addResourceLocations("classpath:/fonts/ttf/NotoSansSC/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
    }
}
