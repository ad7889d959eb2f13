package io.tradekit.stock.redis;

import io.tradekit.core.redis.RedisScript;

/**
 * The Lua scripts of the stock starter; every key comes in {@code KEYS}, every value in {@code ARGV}.
 *
 * <p>Deduct and increase reply one string {@code "code|before|after|ts"}: code 0 applied, 1 replay of
 * an earlier identical operation (its recorded before/after/ts), 2 stock missing, 3 not enough,
 * 4 stock is not an integer. A string, not a Lua table: Redis 6.2 answers a table through a
 * deferred-length array, which measured ~6 µs of server CPU per call more at {@code -P 16}
 * (Redis 7 fixed that; the string costs nothing there). The record value is
 * {@code TYPE|before|after|delta|identifier|ts}, built by concatenation rather than {@code cjson}
 * (~1 µs less per call), each number turned into text once for record and reply (~0.2 µs less,
 * measured in 7 of 8 interleaved rounds); ids cannot hold {@code |}, so it parses unambiguously.
 * They read {@code TIME} before writing, which needs script effects replication: the default from
 * Redis 5 (and the only mode from Redis 7), so no {@code redis.replicate_commands()} call is needed
 * on the supported versions (Redis &ge; 5). Numbers are below 2^53 and 14 digits, so Lua prints
 * them as integers. Public so that benchmarks run the very same text.
 *
 * <p>A stock value that is not a non-negative integer of at most 14 digits (so Lua prints it as one)
 * is code 4 with nothing written. Redis itself is the judge of "integer": {@code DECRBY}/{@code INCRBY}
 * run under {@code redis.pcall} and their "not an integer" refusal (hex, exponent, blanks, fractions,
 * leading zeros — all of which Lua's {@code tonumber} reads) becomes code 4 instead of a script error
 * of unknown outcome; Redis checks the value before changing it, so the refusal wrote nothing. A
 * pattern check in Lua did the same job on every call for ~0.6 µs more, and missed leading zeros
 * ({@code "007"} passed {@code ^%d+$}, then failed the script). It remains only on the cold
 * not-enough path of a deduction, which writes nothing to let Redis judge by.
 */
public final class StockScripts {

    /**
     * Deduct: {@code KEYS[1]} stock, {@code KEYS[2]} records; {@code ARGV[1]} record field,
     * {@code ARGV[2]} quantity, {@code ARGV[3]} identifier, {@code ARGV[4]} index field.
     */
    public static final String DEDUCT = """
            local prior = redis.call('HGET', KEYS[2], ARGV[1])
            if prior then
              local b, a, t = string.match(prior, '^%u+|(%d+)|(%d+)|[^|]*|[^|]*|(%d+)$')
              return '1|' .. b .. '|' .. a .. '|' .. t
            end
            local raw = redis.call('GET', KEYS[1])
            if not raw then
              return '2|-1|-1|0'
            end
            local stock = tonumber(raw)
            if not stock or stock < 0 or stock > 99999999999999 then
              return '4|-1|-1|0'
            end
            local q = tonumber(ARGV[2])
            if stock < q then
              if raw ~= '0' and not string.find(raw, '^[1-9]%d*$') then
                return '4|-1|-1|0'
              end
              return '3|' .. raw .. '|' .. raw .. '|0'
            end
            local after = redis.pcall('DECRBY', KEYS[1], q)
            if type(after) ~= 'number' then
              if string.find(after.err, 'not an integer', 1, true) then
                return '4|-1|-1|0'
              end
              return after
            end
            local now = redis.call('TIME')
            local ba = raw .. '|' .. after
            local ts = tostring(now[1] * 1000 + math.floor(now[2] / 1000))
            redis.call('HSET', KEYS[2], ARGV[1], 'DEDUCT|' .. ba .. '|-' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. ts,
              ARGV[4], ARGV[1])
            return '0|' .. ba .. '|' .. ts
            """;

    /** Increase: as {@link #DEDUCT}, adding the quantity; never creates a missing stock. */
    public static final String INCREASE = """
            local prior = redis.call('HGET', KEYS[2], ARGV[1])
            if prior then
              local b, a, t = string.match(prior, '^%u+|(%d+)|(%d+)|[^|]*|[^|]*|(%d+)$')
              return '1|' .. b .. '|' .. a .. '|' .. t
            end
            local raw = redis.call('GET', KEYS[1])
            if not raw then
              return '2|-1|-1|0'
            end
            local stock = tonumber(raw)
            if not stock or stock < 0 or stock > 99999999999999 then
              return '4|-1|-1|0'
            end
            local after = redis.pcall('INCRBY', KEYS[1], tonumber(ARGV[2]))
            if type(after) ~= 'number' then
              if string.find(after.err, 'not an integer', 1, true) then
                return '4|-1|-1|0'
              end
              return after
            end
            local now = redis.call('TIME')
            local ba = raw .. '|' .. after
            local ts = tostring(now[1] * 1000 + math.floor(now[2] / 1000))
            redis.call('HSET', KEYS[2], ARGV[1], 'INCREASE|' .. ba .. '|' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. ts,
              ARGV[4], ARGV[1])
            return '0|' .. ba .. '|' .. ts
            """;

    /**
     * Init: {@code KEYS[1]} stock, {@code KEYS[2]} records; {@code ARGV[1]} quantity, {@code ARGV[2]}
     * {@code "1"} to overwrite a live stock. Sets the stock without expiry and removes an expiry left
     * on the records by an earlier invalidate; replies 1 when set, 0 when a stock existed.
     */
    public static final String INIT = """
            local ok
            if ARGV[2] == '1' then
              ok = redis.call('SET', KEYS[1], ARGV[1])
            else
              ok = redis.call('SET', KEYS[1], ARGV[1], 'NX')
            end
            if not ok then
              return 0
            end
            redis.call('PERSIST', KEYS[2])
            return 1
            """;

    /**
     * Invalidate: {@code KEYS[1]} stock, {@code KEYS[2]} records; {@code ARGV[1]} retention in ms.
     * Replies 1 when the stock existed.
     */
    public static final String INVALIDATE = """
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return redis.call('PEXPIRE', KEYS[1], ARGV[1])
            """;

    /** Record: {@code KEYS[1]} records, {@code ARGV[1]} index field; replies {field, value} or {}. */
    public static final String RECORD = """
            local field = redis.call('HGET', KEYS[1], ARGV[1])
            if not field then
              return {}
            end
            local value = redis.call('HGET', KEYS[1], field)
            if not value then
              return {}
            end
            return {field, value}
            """;

    /**
     * Trim: {@code KEYS[1]} records; {@code ARGV[1]} cut-off (epoch ms), {@code ARGV[2..]} candidate
     * record fields. Deletes those recorded before the cut-off, and their index field when it still
     * points to them; replies the number deleted.
     */
    public static final String TRIM = """
            local cutoff = tonumber(ARGV[1])
            local n = 0
            for i = 2, #ARGV do
              local f = ARGV[i]
              local v = redis.call('HGET', KEYS[1], f)
              if v then
                local kind, id, ts = string.match(v, '^(%u+)|%d+|%d+|[^|]*|([^|]*)|(%d+)$')
                if ts and tonumber(ts) <= cutoff then
                  redis.call('HDEL', KEYS[1], f)
                  local idx = (kind == 'DEDUCT' and '#D|' or '#I|') .. id
                  if redis.call('HGET', KEYS[1], idx) == f then
                    redis.call('HDEL', KEYS[1], idx)
                  end
                  n = n + 1
                end
              end
            end
            return n
            """;

    /**
     * Compare-and-set: {@code KEYS[1]} stock; {@code ARGV[1]} the expected stock, {@code ARGV[2]} the new
     * one. Sets it only when the stock is still the expected text (a deduction or increase meanwhile
     * changed it: nothing written); replies 1 when set. For a repair, never on the hot path.
     */
    public static final String COMPARE_AND_SET = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
            return 1
            """;

    static final RedisScript DEDUCT_SCRIPT = RedisScript.of(DEDUCT);
    static final RedisScript INCREASE_SCRIPT = RedisScript.of(INCREASE);
    static final RedisScript INIT_SCRIPT = RedisScript.of(INIT);
    static final RedisScript INVALIDATE_SCRIPT = RedisScript.of(INVALIDATE);
    static final RedisScript RECORD_SCRIPT = RedisScript.of(RECORD);
    static final RedisScript TRIM_SCRIPT = RedisScript.of(TRIM);
    static final RedisScript COMPARE_AND_SET_SCRIPT = RedisScript.of(COMPARE_AND_SET);

    /** Every script, e.g. for the health check's {@code SCRIPT EXISTS}. */
    public static java.util.List<RedisScript> all() {
        return java.util.List.of(DEDUCT_SCRIPT, INCREASE_SCRIPT, INIT_SCRIPT, INVALIDATE_SCRIPT, RECORD_SCRIPT, TRIM_SCRIPT,
                COMPARE_AND_SET_SCRIPT);
    }

    private StockScripts() {
    }
}
