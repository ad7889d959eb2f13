package io.tradekit.sample.nft.shared.role;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fails the start of a process that runs no Flyway (the trade role) on a database nobody migrated yet,
 * naming what to do, instead of a missing-table error from the first bean that reads it.
 */
@Component
@ConditionalOnProperty(name = "spring.flyway.enabled", havingValue = "false")
class SchemaPresenceCheck implements InitializingBean {

    private final JdbcTemplate jdbc;

    SchemaPresenceCheck(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Long.class);
        } catch (DataAccessException e) {
            throw new IllegalStateException("The database has no schema (no flyway_schema_history) and this process"
                    + " runs no Flyway (spring.flyway.enabled=false, the trade role's default): start the goods role"
                    + " first (it migrates), or set spring.flyway.enabled=true.", e);
        }
    }
}
