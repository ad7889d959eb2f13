package io.tradekit.remote;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.BaseResponse;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a remote call (a Dubbo reference method, typically) and logs its request, response and
 * elapsed time, masked, on the logger {@value RemoteCallLogger#LOGGER_NAME}; records the timer
 * {@code tradekit.remote}; and turns every failure into a {@link RemoteCallException}.
 *
 * <pre>{@code
 * UserInfo user = RemoteCallWrapper.call(
 *         req -> userFacade.query(req), request, "queryUser").getData();
 * }</pre>
 *
 * <p>A call naming its server ({@link #call(String, Function, Object, String)}) goes through that
 * server's breaker of {@code ServerBreakers} (one per server name, e.g. {@code goods}): when the
 * provider is gone or times out it throws {@link ServerUnavailableException} ({@code SERVICE_UNAVAILABLE},
 * HTTP 503), and once the breaker is open the call is refused at once without reaching Dubbo.
 *
 * <p>It never retries. It works without Spring (with {@link RemoteCallSettings#DEFAULTS}); with
 * the auto-configuration it follows {@code tradekit.remote-call.*}. While a wrapped call runs, the
 * Dubbo consumer filter does not log the same call a second time.
 */
public final class RemoteCallWrapper {

    /** The name used when the caller gives none. */
    static final String UNNAMED = "unnamed";

    private static final int MAX_NAME_LENGTH = 200;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private RemoteCallWrapper() {
    }

    /**
     * Calls and checks the response: same as {@link #call(Function, Object, String, boolean)}
     * with {@code checkResponse = true}.
     *
     * @param function    the remote call, required
     * @param request     its argument, may be {@code null}
     * @param requestName the name for logs and metrics, e.g. {@code "queryUser"}
     * @param <T>         the request type
     * @param <R>         the response type
     * @return the response, never {@code null}, and successful when it is a {@link BaseResponse}
     * @throws RemoteCallException when the call threw, returned {@code null} or a failed {@link BaseResponse}
     */
    public static <T, R> R call(Function<T, R> function, T request, String requestName) {
        return call(function, request, requestName, true);
    }

    /**
     * Calls through the breaker of {@code server} and checks the response.
     *
     * @param server the remote server's name in {@code ServerBreakers} (e.g. {@code goods}); {@code null}
     *               for no breaker
     * @throws ServerUnavailableException when the breaker refused the call (it did not run) or the call
     *                                    failed with a server fault ({@link RemoteFaults})
     * @throws RemoteCallException        for any other failure, as {@link #call(Function, Object, String)}
     */
    public static <T, R> R call(String server, Function<T, R> function, T request, String requestName) {
        return call(server, function, request, requestName, true);
    }

    /**
     * Calls, logs and optionally checks the response: same as
     * {@link #call(String, Function, Object, String, boolean)} without a breaker.
     */
    public static <T, R> R call(Function<T, R> function, T request, String requestName, boolean checkResponse) {
        return call(null, function, request, requestName, checkResponse);
    }

    /**
     * Calls, logs and optionally checks the response.
     *
     * @param server        the remote server's name in {@code ServerBreakers}, {@code null} for no breaker
     *
     * @param function      the remote call, required
     * @param request       its argument, may be {@code null}
     * @param requestName   the name for logs and metrics; {@code null} or blank becomes
     *                      {@value #UNNAMED}, longer than 200 characters is cut; keep it a constant
     *                      (it is a metric tag)
     * @param checkResponse whether a {@code null} response or a {@link BaseResponse} with
     *                      {@code success=false} throws
     * @param <T>           the request type
     * @param <R>           the response type
     * @return the response as returned
     * @throws RemoteCallException when the call threw ({@code REMOTE_CALL_FAILED} with the cause),
     *                             or, if {@code checkResponse}, returned {@code null} or a failure
     *                             (remote code and message kept)
     * @throws NullPointerException if {@code function} is {@code null}
     */
    public static <T, R> R call(String server, Function<T, R> function, T request, String requestName,
                                boolean checkResponse) {
        Objects.requireNonNull(function, "function must not be null");
        String name = name(requestName);
        RemoteCallSettings settings = RemoteCallSettings.current();
        ServerBreakers breakers = settings.getBreakers();
        ServerBreaker breaker = server == null || breakers == null ? null : breakers.breaker(server);
        int[] depth = DEPTH.get();
        long start = System.nanoTime();
        R response;
        depth[0]++;
        try {
            response = breaker == null ? function.apply(request)
                    : breaker.call(() -> function.apply(request), settings.getServerFault());
        } catch (ServerUnavailableException refused) {
            // Refused by the breaker (or a nested wrapped call's): counted, not logged per call; the
            // breaker logs the outage once, then the number of refusals.
            settings.getMetrics().record(name, false, refused.getErrorCode().getCode(), System.nanoTime() - start);
            throw refused;
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            long elapsed = System.nanoTime() - start;
            boolean fault = breaker != null && settings.getServerFault().test(e);
            String code = (fault ? CommonErrorCode.SERVICE_UNAVAILABLE : CommonErrorCode.REMOTE_CALL_FAILED).getCode();
            settings.getLogger().log(name, request, null, false, code, e, elapsed);
            settings.getMetrics().record(name, false, code, elapsed);
            if (fault) {
                throw breaker.unavailable(e);
            }
            throw e instanceof RemoteCallException remote ? remote : new RemoteCallException(name, e);
        } finally {
            if (--depth[0] == 0) {
                DEPTH.remove();
            }
        }
        long elapsed = System.nanoTime() - start;
        boolean success = response != null && (!(response instanceof BaseResponse base) || base.isSuccess());
        String code = code(response);
        settings.getLogger().log(name, request, response, success, code, null, elapsed);
        settings.getMetrics().record(name, success, code, elapsed);
        if (checkResponse && !success) {
            throw response == null ? new RemoteCallException(name, null, null)
                    : new RemoteCallException(name, ((BaseResponse) response).getCode(),
                            ((BaseResponse) response).getMessage());
        }
        return response;
    }

    /**
     * Tells whether the current thread is inside {@link #call}, so the Dubbo consumer filter can
     * leave the logging to the wrapper.
     *
     * @return {@code true} inside a wrapped call
     */
    public static boolean isWrapping() {
        return DEPTH.get()[0] > 0;
    }

    private static String code(Object response) {
        if (response == null) {
            return "NULL_RESPONSE";
        }
        if (response instanceof BaseResponse base) {
            return base.getCode() == null || base.getCode().isEmpty() ? "NONE" : base.getCode();
        }
        return CommonErrorCode.SUCCESS.getCode();
    }

    private static String name(String requestName) {
        if (requestName == null || requestName.isBlank()) {
            return UNNAMED;
        }
        return requestName.length() > MAX_NAME_LENGTH ? requestName.substring(0, MAX_NAME_LENGTH) : requestName;
    }
}
