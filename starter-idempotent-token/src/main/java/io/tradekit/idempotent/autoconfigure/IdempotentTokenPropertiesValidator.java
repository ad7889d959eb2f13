package io.tradekit.idempotent.autoconfigure;

import java.util.regex.Pattern;

/** Fails the start-up on settings that cannot work, with a message naming the property. */
final class IdempotentTokenPropertiesValidator {

    static final Pattern SCENE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

    private IdempotentTokenPropertiesValidator() {
    }

    static void validate(IdempotentTokenProperties properties) {
        require(properties.getKeyPrefix() != null && properties.getKeyPrefix().chars().noneMatch(Character::isWhitespace),
                "tradekit.idempotent.key-prefix must not be null or contain whitespace");
        require(properties.getTtl() != null && !properties.getTtl().isNegative() && !properties.getTtl().isZero(),
                "tradekit.idempotent.ttl must be positive");
        require(properties.getHeader() != null && HEADER.matcher(properties.getHeader()).matches(),
                "tradekit.idempotent.header must be an HTTP header name");
        properties.getRedis().validate("tradekit.idempotent.redis");
        long maxBody = properties.getMaxBodySize() == null ? -1 : properties.getMaxBodySize().toBytes();
        require(maxBody > 0 && maxBody < Integer.MAX_VALUE,
                "tradekit.idempotent.max-body-size must be positive and below 2GB, was " + properties.getMaxBodySize());
        for (Integer status : properties.getUnspentStatuses()) {
            // 2xx and 5xx are excluded: a success changed something, a server error may have.
            require(status != null && status >= 400 && status <= 499,
                    "tradekit.idempotent.unspent-statuses must hold 4xx statuses only, was " + status);
        }
        for (int i = 0; i < properties.getUrlPatterns().size(); i++) {
            IdempotentTokenProperties.UrlPattern entry = properties.getUrlPatterns().get(i);
            require(entry.getPattern() != null && !entry.getPattern().isBlank(),
                    "tradekit.idempotent.url-patterns[" + i + "].pattern is required");
            require(entry.getScene() != null && SCENE.matcher(entry.getScene()).matches(),
                    "tradekit.idempotent.url-patterns[" + i + "].scene must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        for (String scene : properties.getEndpoint().getExtraScenes()) {
            require(scene != null && SCENE.matcher(scene).matches(),
                    "tradekit.idempotent.endpoint.extra-scenes must hold 1-64 characters of [A-Za-z0-9_.-] each");
        }
        require(properties.getEndpoint().getPath() != null && properties.getEndpoint().getPath().startsWith("/"),
                "tradekit.idempotent.endpoint.path must start with /");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
