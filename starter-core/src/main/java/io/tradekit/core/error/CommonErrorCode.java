package io.tradekit.core.error;

/**
 * The {@link ErrorCode}s shared by every tradekit module, whose code is the constant name and
 * which {@link BizException}, {@link SystemException} and the responses use as defaults.
 */
public enum CommonErrorCode implements ErrorCode {

    SUCCESS("The request succeeded."),
    PARAM_INVALID("A request parameter is invalid."),
    BIZ_ERROR("The request violates a business rule."),
    SYSTEM_ERROR("An unexpected system error occurred."),
    REMOTE_CALL_FAILED("A call to a remote service failed."),
    LOCK_FAILED("The resource is locked by another request."),
    DUPLICATE_REQUEST("The request was already submitted."),
    UNAUTHORIZED("Authentication is required."),
    FORBIDDEN("Access to the resource is denied."),
    NOT_FOUND("The requested resource was not found."),
    SERVICE_UNAVAILABLE("The service is temporarily unavailable."),
    TOO_MANY_REQUESTS("Too many requests, please retry later.");

    private final String message;

    CommonErrorCode(String message) {
        this.message = message;
    }

    @Override
    public String getCode() {
        return name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
