/** Parameter use cases: administrators' changes (each publishing a version) and cached readers. */
@org.springframework.modulith.NamedInterface("application")
package io.tradekit.sample.nft.parameter.application;
