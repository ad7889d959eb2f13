package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.config.SaCookieConfig;
import cn.dev33.satoken.config.SaTokenConfig;
import cn.dev33.satoken.strategy.SaFirewallStrategy;
import cn.dev33.satoken.strategy.SaStrategy;
import io.tradekit.sso.session.SecureTokens;
import io.tradekit.sso.web.FirewallRejection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@code tradekit.sso.*} into Sa-Token's {@link SaTokenConfig} bean right after Sa-Token bound
 * {@code sa-token.*} to it, before Sa-Token publishes it; and installs the process-wide strategies:
 * secure random tokens and the JSON firewall answer.
 */
class SaTokenConfigApplier implements BeanPostProcessor {

    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    private static final Set<String> SAME_SITE = Set.of("lax", "strict", "none");

    private final Environment environment;

    SaTokenConfigApplier(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SaTokenConfig config) {
            SsoProperties properties = Binder.get(environment).bind("tradekit.sso", SsoProperties.class)
                    .orElseGet(SsoProperties::new);
            apply(properties, config);
            installStrategies();
        }
        return bean;
    }

    static void apply(SsoProperties properties, SaTokenConfig config) {
        validate(properties);
        config.setTokenName(properties.getTokenName());
        config.setTimeout(properties.getTimeout().toSeconds());
        Duration active = properties.getActiveTimeout();
        config.setActiveTimeout(active == null || active.isZero() ? -1 : active.toSeconds());
        config.setIsConcurrent(properties.isConcurrent());
        config.setIsShare(properties.isShareToken());
        config.setIsReadHeader(true);
        config.setIsReadCookie(properties.isReadCookie());
        config.setIsReadBody(properties.isReadParameter());
        config.setIsPrint(false);
        SaCookieConfig cookie = config.getCookie();
        cookie.setHttpOnly(true);
        cookie.setSecure(properties.getCookie().isSecure());
        cookie.setSameSite(capitalise(properties.getCookie().getSameSite()));
        cookie.setDomain(properties.getCookie().getDomain());
        cookie.setPath(properties.getCookie().getPath());
    }

    static void installStrategies() {
        // Process-wide in Sa-Token (static): every context in the JVM gets the same, which is what we want.
        SaStrategy.instance.createToken = (loginId, loginType) -> SecureTokens.next();
        SaFirewallStrategy.instance.checkFailHandle = new FirewallRejection();
    }

    static void validate(SsoProperties properties) {
        if (properties.getTokenName() == null || !TOKEN_NAME.matcher(properties.getTokenName()).matches()) {
            throw new IllegalStateException("tradekit.sso.token-name must be 1-64 characters of [A-Za-z0-9_-]");
        }
        Duration timeout = properties.getTimeout();
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalStateException("tradekit.sso.timeout must be at least 1s");
        }
        Duration active = properties.getActiveTimeout();
        if (active != null && (active.isNegative() || (!active.isZero() && active.toSeconds() < 1))) {
            throw new IllegalStateException("tradekit.sso.active-timeout must be 0 (off) or at least 1s");
        }
        String sameSite = properties.getCookie().getSameSite();
        if (sameSite == null || !SAME_SITE.contains(sameSite.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("tradekit.sso.cookie.same-site must be Lax, Strict or None");
        }
        if (sameSite.equalsIgnoreCase("none") && !properties.getCookie().isSecure()) {
            throw new IllegalStateException("tradekit.sso.cookie.same-site=None needs tradekit.sso.cookie.secure=true");
        }
    }

    private static String capitalise(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
