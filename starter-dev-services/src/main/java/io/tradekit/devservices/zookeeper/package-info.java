/**
 * The ZooKeeper dev server, for a Dubbo registry: Curator's test server on a loopback port.
 */
package io.tradekit.devservices.zookeeper;
