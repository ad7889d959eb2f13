package io.tradekit.benchmarks.cache;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cached methods, and the loader they share. */
public class BenchUsers {

    private final JdbcTemplate jdbc;

    public BenchUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The seed's annotation (less refresh): a two-level cache. */
    @Cached(name = "benchLocal", key = "#userId", expire = 3600, cacheType = CacheType.BOTH)
    public BenchUser local(long userId) {
        return load(userId);
    }

    @Cached(name = "benchRemote", key = "#userId", expire = 3600, cacheType = CacheType.REMOTE)
    public BenchUser remote(long userId) {
        return load(userId);
    }

    @RawCached(key = "#userId")
    public BenchUser raw(long userId) {
        return load(userId);
    }

    /** The loader: one H2 query by primary key. */
    public BenchUser load(long userId) {
        return jdbc.queryForObject("SELECT id, name, mobile, balance, updated_at FROM bench_user WHERE id = ?",
                (rs, i) -> new BenchUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getLong(5)), userId);
    }
}
