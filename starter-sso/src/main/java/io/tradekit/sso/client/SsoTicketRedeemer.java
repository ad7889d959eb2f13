package io.tradekit.sso.client;

import cn.dev33.satoken.SaManager;
import cn.dev33.satoken.sso.model.TicketModel;
import cn.dev33.satoken.sso.template.SaSsoServerTemplate;
import io.tradekit.sso.session.SecureTokens;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Objects;

/**
 * Redeems a ticket: reads and deletes it in one Redis command ({@code GETDEL}), so that of any number
 * of concurrent redemptions exactly one gets the user. (Sa-Token's own check reads, then deletes: two
 * requests in between both win.)
 */
public class SsoTicketRedeemer {

    private final StringRedisTemplate redis;
    private final SaSsoServerTemplate keys;

    public SsoTicketRedeemer(StringRedisTemplate redis, SaSsoServerTemplate keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param ticket the ticket from the auth centre's redirect
     * @param client this application's redirect URL, as allow-listed at the auth centre
     * @return the user id, or null when the ticket is malformed, unknown, expired, spent, or issued for another client
     */
    public String redeem(String ticket, String client) {
        if (!SecureTokens.isWellFormed(ticket)) {
            return null;
        }
        String json = redis.opsForValue().getAndDelete(keys.splicingTicketModelSaveKey(ticket));
        if (json == null) {
            return null;
        }
        TicketModel model = SaManager.getSaSerializerTemplate().stringToObject(json, TicketModel.class);
        if (model == null || model.getLoginId() == null || !Objects.equals(client, model.getClient())) {
            return null;
        }
        keys.deleteTicketIndex(model.getClient(), model.getLoginId());
        return model.getLoginId().toString();
    }
}
