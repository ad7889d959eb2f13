package io.tradekit.sample.nft.shared.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * INTERIM: token sessions in Redis until the SSO starter (issue #9) lands and replaces this class
 * with an adapter over its login service. 128 random bits per login, read from the
 * {@value #HEADER} header only.
 */
@Component
class InterimRedisSession implements CurrentSession {

    /** The request header that carries the session token. */
    static final String HEADER = "Authorization";

    private static final Duration TTL = Duration.ofHours(2);
    private static final String PREFIX = "sample:session:";

    private final SecureRandom random = new SecureRandom();
    private final RedissonClient redisson;

    InterimRedisSession(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public String login(String loginId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        redisson.<String>getBucket(PREFIX + token).set(loginId, TTL);
        return token;
    }

    @Override
    public Optional<String> loginId() {
        return token().map(token -> redisson.<String>getBucket(PREFIX + token).get());
    }

    @Override
    public void logout() {
        token().ifPresent(token -> redisson.getBucket(PREFIX + token).delete());
    }

    private static Optional<String> token() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        String value = servlet.getRequest().getHeader(HEADER);
        return value != null && value.matches("[0-9a-f]{32}") ? Optional.of(value) : Optional.empty();
    }
}
