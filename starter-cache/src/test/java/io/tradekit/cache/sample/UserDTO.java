package io.tradekit.cache.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A cached value: a record with JDK value types and a list, in an allowed package. */
public record UserDTO(long id, String name, BigDecimal balance, Instant updatedAt, List<String> roles, Level level) {

    /** An enum inside the value. */
    public enum Level { BRONZE, GOLD }
}
