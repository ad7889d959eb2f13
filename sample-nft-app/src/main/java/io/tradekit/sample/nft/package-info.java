/**
 * The sample application, context first: each direct sub-package (user, collection, inventory,
 * order, chain, onboarding, parameter) is a bounded context with the seed's layers inside —
 * controller, facade, job, listener (entries) → application → domain ← infrastructure — and
 * {@code shared} holds what every context may use (ids, error codes). Contexts see each other
 * only through an {@code api} or {@code application} package marked as a named interface;
 * {@code architecture} tests in {@code src/test} keep both rules.
 */
package io.tradekit.sample.nft;
