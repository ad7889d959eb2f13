/** The user context's database adapter (MyBatis-Plus). */
package io.tradekit.sample.nft.user.infrastructure;
