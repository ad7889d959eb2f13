package io.tradekit.cache.sample;

import com.alicp.jetcache.anno.CacheInvalidate;
import com.alicp.jetcache.anno.CachePenetrationProtect;
import com.alicp.jetcache.anno.CacheRefresh;
import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.CacheUpdate;
import com.alicp.jetcache.anno.Cached;
import io.tradekit.cache.gadget.Outsider;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The seed's user lookup, cached two levels deep, with the writes that must invalidate it. */
public class UserService {

    private final JdbcTemplate jdbc;
    // Read through methods: the bean is a CGLIB proxy whose own fields are never set.
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger slowLoads = new AtomicInteger();
    private final AtomicInteger keyLoads = new AtomicInteger();
    private volatile CountDownLatch slowGate = new CountDownLatch(0);
    private final CountDownLatch slowEntered = new CountDownLatch(1);

    public UserService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Cached(name = "userCache", key = "#userId", expire = 60, cacheType = CacheType.BOTH)
    @CacheRefresh(refresh = 30)
    public UserDTO get(long userId) {
        loads.incrementAndGet();
        return row(jdbc, userId);
    }

    /** The row as get loads it; null when absent. */
    public static UserDTO row(JdbcTemplate jdbc, long userId) {
        List<UserDTO> rows = jdbc.query("SELECT id, name, balance, updated_at FROM users WHERE id = ?",
                (rs, i) -> new UserDTO(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getTimestamp(4).toInstant(), List.of("buyer"), UserDTO.Level.GOLD), userId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Transactional
    @CacheInvalidate(name = "userCache", key = "#userId")
    public void rename(long userId, String name) {
        jdbc.update("UPDATE users SET name = ?, updated_at = ? WHERE id = ?", name,
                new Timestamp(System.currentTimeMillis()), userId);
    }

    @CacheUpdate(name = "userCache", key = "#user.id", value = "#user")
    public void save(UserDTO user) {
        jdbc.update("MERGE INTO users (id, name, balance, updated_at) KEY (id) VALUES (?, ?, ?, ?)", user.id(),
                user.name(), user.balance(), Timestamp.from(user.updatedAt()));
    }

    @Cached(name = "slowCache", key = "#key", expire = 60, cacheType = CacheType.BOTH)
    @CachePenetrationProtect(timeout = 60)
    public String slow(String key) throws InterruptedException {
        slowLoads.incrementAndGet();
        slowEntered.countDown();
        if (!slowGate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        return "value-of-" + key;
    }

    @Cached(name = "byName", key = "#name", expire = 60, cacheType = CacheType.BOTH)
    public String byName(String name) {
        keyLoads.incrementAndGet();
        return "user:" + name;
    }

    @Cached(name = "outsider", key = "#id", expire = 60, cacheType = CacheType.REMOTE)
    public Outsider outsider(long id) {
        return new Outsider("not allow-listed " + id);
    }

    /** Calls of get's body in this instance (= loads from the database). */
    public int loads() {
        return loads.get();
    }

    public int slowLoads() {
        return slowLoads.get();
    }

    public int keyLoads() {
        return keyLoads.get();
    }

    /** The gate the slow loader waits on. */
    public void slowGate(CountDownLatch gate) {
        this.slowGate = gate;
    }

    /** Whether the slow loader started within the timeout. */
    public boolean slowEntered(long timeout, TimeUnit unit) throws InterruptedException {
        return slowEntered.await(timeout, unit);
    }

    public static void createSchema(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS users (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                + "balance DECIMAL(19, 2) NOT NULL, updated_at TIMESTAMP NOT NULL)");
    }

    public static void insert(JdbcTemplate jdbc, long id, String name) {
        jdbc.update("MERGE INTO users (id, name, balance, updated_at) KEY (id) VALUES (?, ?, ?, ?)", id, name,
                new BigDecimal("10.50"), new Timestamp(System.currentTimeMillis()));
    }

    public static String nameOf(UserDTO user) {
        return user == null ? null : user.name();
    }
}
