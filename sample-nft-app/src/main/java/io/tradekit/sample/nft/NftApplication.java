package io.tradekit.sample.nft;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The NFT marketplace with corporate-account onboarding that assembles every tradekit starter.
 *
 * <p>Run it with {@code mvn -B -pl sample-nft-app -am spring-boot:run}: on the default profile
 * tradekit-dev-services starts a real Redis, RocketMQ broker and ZooKeeper in this JVM and the
 * database is H2 in MySQL mode; the {@code mysql} profile switches to MySQL 8 / MariaDB.
 */
@SpringBootApplication
public class NftApplication {

    public static void main(String[] args) {
        SpringApplication.run(NftApplication.class, args);
    }
}
