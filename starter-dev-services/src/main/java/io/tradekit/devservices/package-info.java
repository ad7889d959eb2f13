/**
 * Real servers for development runs and tests: Redis, RocketMQ (name server + broker) and
 * ZooKeeper, each started once per JVM on a loopback port. Never a mock.
 *
 * <p>Entry points: {@link io.tradekit.devservices.DevServices} in code, the
 * {@code tradekit.dev-services.*} properties in a Spring application, and
 * {@link io.tradekit.devservices.junit.WithDevServices} in a plain JUnit 5 test.
 */
package io.tradekit.devservices;
