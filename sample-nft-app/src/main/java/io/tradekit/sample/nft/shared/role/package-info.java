/**
 * The sample split by role, one jar: {@code sample.role} (or the profile of the same name) chooses
 * which contexts a process runs; the others are not scanned and are reached over Dubbo through the
 * registry. The default role {@code all} runs every context in one process.
 */
package io.tradekit.sample.nft.shared.role;
