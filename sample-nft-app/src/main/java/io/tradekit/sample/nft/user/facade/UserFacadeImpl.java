package io.tradekit.sample.nft.user.facade;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.Facade;
import io.tradekit.sample.nft.user.api.UserFacade;
import io.tradekit.sample.nft.user.api.UserInfo;
import io.tradekit.sample.nft.user.application.UserQueryService;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link UserFacade} over the user queries; {@code @Facade} validates, logs and turns exceptions into responses. */
@DubboService
@Facade
public class UserFacadeImpl implements UserFacade {

    private final UserQueryService queries;

    public UserFacadeImpl(UserQueryService queries) {
        this.queries = queries;
    }

    @Override
    public SingleResponse<UserInfo> query(Long userId) {
        return SingleResponse.of(queries.fresh(userId));
    }
}
