/**
 * Onboarding's port implementations: MyBatis-Plus persistence, the staff directory, the rule sets
 * read from parameter management, the simulated business registry and the PDFBox dossier.
 */
package io.tradekit.sample.nft.onboarding.infrastructure;
