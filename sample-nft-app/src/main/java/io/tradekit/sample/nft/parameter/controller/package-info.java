/** REST entry of parameter management for administrators. */
package io.tradekit.sample.nft.parameter.controller;
