/**
 * Strict JSON request bodies for every entry: numbers are numbers, booleans are booleans
 * ({@link io.tradekit.sample.nft.shared.web.json.StrictJsonConfiguration}), and a body of the wrong
 * shape is answered 400 naming the field ({@link io.tradekit.sample.nft.shared.web.json.JsonReadProblem}).
 */
package io.tradekit.sample.nft.shared.web.json;
