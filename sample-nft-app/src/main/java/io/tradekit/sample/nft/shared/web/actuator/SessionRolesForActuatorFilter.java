package io.tradekit.sample.nft.shared.web.actuator;

import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sso.PermissionProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code getUserPrincipal()} and {@code isUserInRole()} of health requests from the SSO
 * session, which is what Actuator's {@code show-components: when-authorized} with
 * {@code roles: ADMIN} asks. Without it no request has a principal (the sample has no Spring
 * Security), and "when authorized" would mean "never", also for admins.
 *
 * <p>Asked lazily, while the endpoint runs: by then the SSO context of the request is set, whatever
 * the order of this filter among the others. An unknown or anonymous caller has no principal.
 */
public class SessionRolesForActuatorFilter extends OncePerRequestFilter {

    private final String healthPath;
    private final CurrentSession session;
    private final PermissionProvider roles;

    /**
     * @param healthPath the health endpoint's path, e.g. {@code /actuator/health}
     * @param session    who is calling
     * @param roles      the roles of a login id
     */
    public SessionRolesForActuatorFilter(String healthPath, CurrentSession session, PermissionProvider roles) {
        this.healthPath = healthPath;
        this.session = session;
        this.roles = roles;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(healthPath) || path.startsWith(healthPath + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new SessionRequest(request), response);
    }

    private final class SessionRequest extends HttpServletRequestWrapper {

        SessionRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            Optional<String> loginId = session.loginId();
            return loginId.<Principal>map(id -> () -> id).orElseGet(super::getUserPrincipal);
        }

        @Override
        public boolean isUserInRole(String role) {
            Optional<String> loginId = session.loginId();
            return loginId.isPresent() ? roles.roles(loginId.get()).contains(role) : super.isUserInRole(role);
        }
    }
}
