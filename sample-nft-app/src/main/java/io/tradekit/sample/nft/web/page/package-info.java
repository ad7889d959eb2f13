/** Page controllers (views under {@code templates/}) and the pages' one extra read, the live stock. */
package io.tradekit.sample.nft.web.page;
