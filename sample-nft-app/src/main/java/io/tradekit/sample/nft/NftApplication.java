package io.tradekit.sample.nft;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The NFT marketplace with corporate-account onboarding that assembles every tradekit starter.
 *
 * <p>Run it with {@code mvn -B -pl sample-nft-app -am spring-boot:run}: on the default profile
 * tradekit-dev-services starts a real Redis, RocketMQ broker and ZooKeeper in this JVM and the
 * database is H2 in MySQL mode; the {@code mysql} profile switches to MySQL 8 / MariaDB.
 *
 * <p>Mappers are scanned by annotation only: a package scan alone would also register the Dubbo
 * facade interfaces of the {@code api} packages as mappers (VERSIONS.md pitfall 6).
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@MapperScan(basePackages = "io.tradekit.sample.nft", annotationClass = Mapper.class)
@EnableScheduling
public class NftApplication {

    public static void main(String[] args) {
        SpringApplication.run(NftApplication.class, args);
    }
}
