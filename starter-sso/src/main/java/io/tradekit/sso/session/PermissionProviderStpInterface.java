package io.tradekit.sso.session;

import cn.dev33.satoken.session.SaSession;
import cn.dev33.satoken.stp.StpInterface;
import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.sso.PermissionProvider;
import io.tradekit.sso.SsoLoginService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sa-Token's {@link StpInterface} on a {@link PermissionProvider}, caching each answer in the user's
 * Sa-Token session (in Redis, shared by every instance, gone with the last logout).
 */
public class PermissionProviderStpInterface implements StpInterface {

    private final PermissionProvider provider;

    public PermissionProviderStpInterface(PermissionProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public List<String> getPermissionList(Object loginId, String loginType) {
        return cached(loginId, SsoLoginService.PERMISSIONS_KEY, provider::permissions);
    }

    @Override
    public List<String> getRoleList(Object loginId, String loginType) {
        return cached(loginId, SsoLoginService.ROLES_KEY, provider::roles);
    }

    private static List<String> cached(Object loginId, String key, Function<String, Collection<String>> source) {
        String userId = loginId.toString();
        SaSession session = StpUtil.getSessionByLoginId(userId, false);
        if (session != null && session.get(key) instanceof List<?> hit) {
            return hit.stream().map(String::valueOf).toList();
        }
        Collection<String> answer = source.apply(userId);
        ArrayList<String> copy = answer == null ? new ArrayList<>() : new ArrayList<>(answer);
        if (session != null) {
            session.set(key, copy);
        }
        return copy;
    }
}
