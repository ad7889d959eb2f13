package io.tradekit.sample.nft.shared.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Pattern;

/**
 * What a client may learn about a request body Jackson could not read: which field had the wrong
 * type ({@code "quantity has the wrong type: expected an integer"}), or only that the JSON is
 * malformed. Never the parser's own message, which echoes the input.
 */
public final class JsonReadProblem {

    /** What a malformed body is told. */
    public static final String MALFORMED = "The request is malformed.";

    private static final int MAX_PATH = 100;
    // Field names come from our DTOs, but a Map-typed body would echo the client's keys: keep them tame.
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private JsonReadProblem() {
    }

    /** The client-facing message for a body that failed to read with {@code cause} (may be {@code null}). */
    public static String describe(Throwable cause) {
        Throwable problem = cause;
        while (problem != null && !(problem instanceof JsonProcessingException)) {
            problem = problem.getCause();
        }
        if (problem instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = path(mapping);
            if (path != null) {
                return outOfRange(mapping) ? path + " is out of range" : path + " has the wrong type" + expected(mapping);
            }
        }
        return MALFORMED;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                if (!SAFE_NAME.matcher(step.getFieldName()).matches()) {
                    return null;
                }
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
            if (path.length() > MAX_PATH) {
                return null;
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static boolean outOfRange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException) {
                return true;
            }
        }
        return false;
    }

    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "";
        }
        if (type == Integer.class || type == Integer.TYPE || type == Long.class || type == Long.TYPE
                || type == Short.class || type == Short.TYPE || type == java.math.BigInteger.class) {
            return ": expected an integer number";
        }
        if (Number.class.isAssignableFrom(type) || type == Double.TYPE || type == Float.TYPE) {
            return ": expected a number";
        }
        if (type == Boolean.class || type == Boolean.TYPE) {
            return ": expected true or false";
        }
        if (type == String.class) {
            return ": expected a string";
        }
        return "";
    }
}
