package io.tradekit.facade.aop;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Validates the arguments of a {@link FacadeMethod} with the executable validator and renders
 * the violations as one message, {@code "request.buyerId: must not be blank; request.price: ..."}.
 *
 * <p>Violations are sorted (the validator returns them in no particular order) and at most
 * {@value #MAX_VIOLATIONS} are listed, so a hostile request with thousands of bad elements cannot
 * produce a huge response. Rejected values are never part of the message.
 */
final class FacadeArgumentValidator {

    static final int MAX_VIOLATIONS = 20;

    private static final String NOT_NULL = "must not be null";

    private final Supplier<Validator> validator;

    FacadeArgumentValidator(Supplier<Validator> validator) {
        this.validator = validator;
    }

    /**
     * Validates the arguments.
     *
     * @return {@code null} when valid, else the message naming every bad field
     */
    String validate(FacadeMethod method, Object target, Object[] args) {
        if (!method.needsValidation()) {
            return null;
        }
        Set<String> problems = null;
        for (int i = 0; i < method.beanParameters.length; i++) {
            int index = method.beanParameters[i];
            if (index < args.length && args[index] == null) {
                problems = add(problems, method.beanParameterNames[i] + ": " + NOT_NULL);
            }
        }
        if (method.constrained) {
            Set<ConstraintViolation<Object>> violations = validator.get().forExecutables()
                    .validateParameters(target, method.method, args, method.groups);
            for (ConstraintViolation<Object> violation : violations) {
                problems = add(problems, path(violation.getPropertyPath()) + ": " + violation.getMessage());
            }
        }
        return problems == null ? null : join(problems);
    }

    private static Set<String> add(Set<String> problems, String problem) {
        Set<String> set = problems != null ? problems : new TreeSet<>();
        set.add(problem);
        return set;
    }

    /** The path without its leading method node: {@code request.items[0].name}. */
    static String path(Path path) {
        StringBuilder text = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.isInIterable() && text.length() > 0) {
                text.append('[').append(node.getIndex() != null ? node.getIndex()
                        : node.getKey() != null ? node.getKey() : "").append(']');
            }
            boolean containerElement = node.getKind() == ElementKind.CONTAINER_ELEMENT;
            if (!containerElement && node.getName() != null && !node.getName().isEmpty()) {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(node.getName());
            }
        }
        return text.length() == 0 ? "arguments" : text.toString();
    }

    private static String join(Set<String> problems) {
        StringBuilder text = new StringBuilder();
        Iterator<String> it = problems.iterator();
        for (int i = 0; i < MAX_VIOLATIONS && it.hasNext(); i++) {
            text.append(i == 0 ? "" : "; ").append(it.next());
        }
        if (problems.size() > MAX_VIOLATIONS) {
            text.append("; ... and ").append(problems.size() - MAX_VIOLATIONS).append(" more");
        }
        return text.toString();
    }
}
