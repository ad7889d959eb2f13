/** The inventory context's web entry: the operators' one-off stock reconciliation (admins only). */
package io.tradekit.sample.nft.inventory.controller;
