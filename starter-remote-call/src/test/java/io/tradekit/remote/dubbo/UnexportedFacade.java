package io.tradekit.remote.dubbo;

import io.tradekit.core.response.SingleResponse;

/** A Dubbo API nobody provides, to make a reference call fail. */
public interface UnexportedFacade {

    SingleResponse<String> ping(String text);
}
