/**
 * The inventory use cases other contexts call: open a sale's stock, deduct and restore in Redis and
 * in the database (the DB calls join the caller's transaction), and reconcile the two.
 */
@org.springframework.modulith.NamedInterface("application")
package io.tradekit.sample.nft.inventory.application;
