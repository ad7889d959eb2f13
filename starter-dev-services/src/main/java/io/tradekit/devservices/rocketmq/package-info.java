/**
 * The RocketMQ dev servers: an official name server and broker run in-process on loopback ports.
 */
package io.tradekit.devservices.rocketmq;
