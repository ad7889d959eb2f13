package io.tradekit.idempotent.store;

/**
 * The Lua scripts of {@link LettuceTokenStore}, each one atomic on one key, every value passed as
 * {@code KEYS}/{@code ARGV}.
 *
 * <p>A key's value says its state, with fixed-width fields so that no owner text is ever parsed:
 * <pre>
 * issued       *  |  o:&lt;owner&gt;                                  (SET NX PX by issue)
 * taken        f:&lt;claim id, 32 hex&gt;:&lt;fingerprint, 64 hex&gt;:&lt;issued value&gt;
 * spent        s:&lt;fingerprint, 64 hex&gt;:&lt;issued value&gt;
 * </pre>
 * Every transition keeps the expiry set at issue ({@code KEEPTTL}, Redis 6.0+).
 */
final class TokenScripts {

    /**
     * One-step spend for {@code IdempotentTokenService#consume}: {@code ARGV[1]} the caller's owner
     * value or empty; 1 spent (deleted), 0 absent/taken/spent, -1 another owner's.
     */
    static final String CONSUME = """
            local value = redis.call('GET', KEYS[1])
            if not value then
              return 0
            end
            if value == '*' or value == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            local state = string.sub(value, 1, 2)
            if state == 'f:' or state == 's:' then
              return 0
            end
            return -1
            """;

    /**
     * Takes an issued key for one request: {@code ARGV} owner value (or empty), fingerprint, claim id.
     * 1 taken; 0 absent or spent by the same request; -1 another owner's; 2 taken by the same request;
     * 3 taken or spent by another request.
     */
    static final String CLAIM = """
            local value = redis.call('GET', KEYS[1])
            if not value then
              return 0
            end
            local state = string.sub(value, 1, 2)
            local issued = value
            local fingerprint = nil
            if state == 'f:' then
              fingerprint = string.sub(value, 36, 99)
              issued = string.sub(value, 101)
            elseif state == 's:' then
              fingerprint = string.sub(value, 3, 66)
              issued = string.sub(value, 68)
            end
            if issued ~= '*' and issued ~= ARGV[1] then
              return -1
            end
            if not fingerprint then
              redis.call('SET', KEYS[1], 'f:' .. ARGV[3] .. ':' .. ARGV[2] .. ':' .. issued, 'KEEPTTL')
              return 1
            end
            if fingerprint ~= ARGV[2] then
              return 3
            end
            if state == 'f:' then
              return 2
            end
            return 0
            """;

    /** Taken by {@code ARGV[1]} → spent: 1, else 0 (nothing changed). */
    static final String COMPLETE = """
            local value = redis.call('GET', KEYS[1])
            if not value or string.sub(value, 1, 35) ~= ('f:' .. ARGV[1] .. ':') then
              return 0
            end
            redis.call('SET', KEYS[1], 's:' .. string.sub(value, 36), 'KEEPTTL')
            return 1
            """;

    /** Taken by {@code ARGV[1]} → issued again, fingerprint dropped: 1, else 0 (nothing changed). */
    static final String RELEASE = """
            local value = redis.call('GET', KEYS[1])
            if not value or string.sub(value, 1, 35) ~= ('f:' .. ARGV[1] .. ':') then
              return 0
            end
            redis.call('SET', KEYS[1], string.sub(value, 101), 'KEEPTTL')
            return 1
            """;

    private TokenScripts() {
    }
}
