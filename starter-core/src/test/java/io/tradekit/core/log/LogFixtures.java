package io.tradekit.core.log;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request and domain objects as services would log them. */
final class LogFixtures {

    private LogFixtures() {
    }

    static final class Customer {
        @Sensitive(type = SensitiveType.NAME)
        private final String name;
        @Sensitive(type = SensitiveType.MOBILE)
        private final String mobile;
        @Sensitive(type = SensitiveType.MOBILE)
        private final Long backupMobile;
        private final String level;

        Customer(String name, String mobile, Long backupMobile, String level) {
            this.name = name;
            this.mobile = mobile;
            this.backupMobile = backupMobile;
            this.level = level;
        }

        static Customer zhang() {
            return new Customer("张三丰", "13812345678", 13987654321L, "GOLD");
        }
    }

    record Card(@Sensitive(type = SensitiveType.BANK_CARD) String number, String bank) {
    }

    static final class Order {
        private final Customer buyer;
        private final List<Customer> watchers;
        private final Map<String, Customer> byRole;
        private final Card[] cards;
        private final Optional<Customer> referrer;

        Order(Customer buyer, List<Customer> watchers, Map<String, Customer> byRole, Card[] cards,
                Optional<Customer> referrer) {
            this.buyer = buyer;
            this.watchers = watchers;
            this.byRole = byRole;
            this.cards = cards;
            this.referrer = referrer;
        }
    }

    static final class Login {
        @Sensitive(type = SensitiveType.EMAIL)
        private final String email;
        @Sensitive
        private final String password;
        @Sensitive(type = SensitiveType.MOBILE)
        private final List<String> mobiles;
        @Sensitive
        private final char[] pin;
        @JsonIgnore
        private final String apiOnly = "hidden";
        private final transient String cache = "not logged";
        private final String nothing = null;

        Login(String email, String password, List<String> mobiles, char[] pin) {
            this.email = email;
            this.password = password;
            this.mobiles = mobiles;
            this.pin = pin;
        }
    }

    /** A lazy entity: reading through its getters would hit a closed session. */
    static final class LazyEntity {
        private final String id = "e-1";
        private final String token = "t0ken";

        public String getId() {
            throw new IllegalStateException("getter must not be called");
        }

        @Sensitive
        public String getToken() {
            throw new IllegalStateException("getter must not be called");
        }

        public String getComputed() {
            throw new IllegalStateException("getter must not be called");
        }
    }

    record Explosive(String id) {
        @Override
        public String id() {
            throw new IllegalStateException("accessor must not be called");
        }
    }

    static final class Node {
        private final String name;
        private Node parent;
        private Node self;
        private final List<Node> children = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }

        Node add(Node child) {
            children.add(child);
            child.parent = this;
            return this;
        }

        Node pointToSelf() {
            self = this;
            return this;
        }
    }

    static final class Timed {
        private final Instant at = Instant.parse("2024-05-01T08:30:00Z");
        private final LocalDate day = LocalDate.of(2024, 5, 1);
    }

    static final class Holder {
        private final Object value;

        Holder(Object value) {
            this.value = value;
        }
    }

    /** Login API of a facade, as the RPC aspect sees it. */
    interface AccountFacade {
        void login(@Sensitive(type = SensitiveType.MOBILE) String mobile, @Sensitive String password, Customer who);
    }
}
