/**
 * The sample application, context first: each direct sub-package (user, collection, inventory,
 * order, chain, onboarding, parameter) is a bounded context with the seed's layers inside.
 * The contexts arrive with their issues; this package holds only the application class.
 */
package io.tradekit.sample.nft;
