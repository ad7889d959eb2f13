package io.tradekit.sample.nft.shared.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

/**
 * Declares the SSO session header as an {@code apiKey} security scheme required by every operation,
 * except those under {@code tradekit.sso.public-paths}, which get an empty requirement (no login).
 */
final class SessionSecurityCustomizer implements OpenApiCustomizer {

    /** Name of the scheme in {@code components.securitySchemes}. */
    static final String SCHEME = "session";

    private final String header;
    private final List<String> publicPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    SessionSecurityCustomizer(String header, List<String> publicPaths) {
        this.header = header;
        this.publicPaths = List.copyOf(publicPaths);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(header)
                .description("The session token answered by POST /user/login (buyers) or POST "
                        + "/onboarding/staff/login (branch staff); the HttpOnly login cookie works too."));
        openApi.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            if (isPublic(path.getKey())) {
                for (Operation operation : path.getValue().readOperations()) {
                    operation.setSecurity(List.of());
                }
            }
        }
    }

    /** Path templates ({@code /collections/{collectionId}}) match like requests: one segment per variable. */
    private boolean isPublic(String template) {
        return publicPaths.stream().anyMatch(p -> matcher.match(p, template));
    }
}
