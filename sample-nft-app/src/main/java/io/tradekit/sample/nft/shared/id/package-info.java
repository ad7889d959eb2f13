/**
 * Unique, time-ordered 64-bit ids for every context: {@link io.tradekit.sample.nft.shared.id.IdGenerator}
 * (snowflake) on a worker id that {@link io.tradekit.sample.nft.shared.id.WorkerIdHolder} leases
 * from Redis, so two running instances never share one.
 */
@org.springframework.modulith.NamedInterface("id")
package io.tradekit.sample.nft.shared.id;
