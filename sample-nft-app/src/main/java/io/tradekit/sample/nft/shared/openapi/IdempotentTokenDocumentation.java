package io.tradekit.sample.nft.shared.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.tradekit.idempotent.autoconfigure.IdempotentTokenProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the anti-duplicate token endpoint ({@code GET /idempotent/token?scene=...}), which the
 * idempotent-token starter serves as a functional route: its path and scenes come from the starter's
 * settings, so the document lists exactly the scenes the endpoint serves.
 */
final class IdempotentTokenDocumentation implements OpenApiCustomizer {

    private final IdempotentTokenProperties properties;

    IdempotentTokenDocumentation(IdempotentTokenProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (!properties.isEnabled() || !properties.getEndpoint().isEnabled()) {
            return;
        }
        Set<String> scenes = new LinkedHashSet<>();
        properties.getUrlPatterns().forEach(p -> scenes.add(p.getScene()));
        scenes.addAll(properties.getEndpoint().getExtraScenes());
        StringSchema scene = new StringSchema();
        scene.setEnum(List.copyOf(scenes));
        Operation issue = new Operation().operationId("issueIdempotentToken").addTagsItem("trade")
                .summary("A one-use anti-duplicate token of a scene, bound to the session; send it as the "
                        + properties.getHeader() + " header of that scene's request (buy: spent by the filter, "
                        + "pay: spent once the order can be paid)")
                .addParametersItem(new Parameter().in("query").name("scene").required(true).schema(scene))
                .responses(new ApiResponses()
                        .addApiResponse("200", json("the token (valid " + properties.getTtl() + ")",
                                new ObjectSchema().addProperty("success", new BooleanSchema())
                                        .addProperty("code", new StringSchema())
                                        .addProperty("message", new StringSchema())
                                        .addProperty("data", new UUIDSchema())))
                        .addApiResponse("400", new ApiResponse().description("PARAM_INVALID: missing, repeated "
                                + "or unknown scene"))
                        .addApiResponse("401", new ApiResponse().description("UNAUTHORIZED: no session"))
                        .addApiResponse("503", new ApiResponse().description("SERVICE_UNAVAILABLE: Redis "
                                + "cannot answer")));
        if (openApi.getPaths() == null) {
            openApi.setPaths(new Paths());
        }
        openApi.getPaths().addPathItem(properties.getEndpoint().getPath(), new PathItem().get(issue));
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }
}
