package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The control of {@code transactionHasCommittedBeforeTheNextHolderEnters}: with the lock advisor
 * ordered inside the transaction (the seed's "enter transaction, lock, unlock, commit" bug), the
 * same ledger workload lets a next holder in before the previous commit, so that test can fail.
 */
class LockOutsideTransactionControlTests {

    private static ConfigurableApplicationContext context;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableTransactionManagement(order = 0)
    @Import(LockedServices.LedgerService.class)
    static class MisorderedApplication {
    }

    @BeforeAll
    static void start() {
        String[] properties = LockTestApplication.properties("misordered");
        context = new SpringApplicationBuilder(MisorderedApplication.class).properties(properties)
                .properties("tradekit.lock.order=10").run();
        LockTestApplication.createSchema(context.getBean(JdbcTemplate.class));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void lockInsideTheTransactionLetsTheNextHolderSeeUncommittedState() throws Exception {
        String account = "misordered";
        DistributeLockAcrossInstancesTests.runLedger(account, context, context);
        assertThat(LockedServices.LedgerService.VIOLATIONS.get(account)).isNotEmpty();
    }
}
