/** MyBatis-Plus persistence of parameter management; snapshots stored as JSON. */
package io.tradekit.sample.nft.parameter.infrastructure;
