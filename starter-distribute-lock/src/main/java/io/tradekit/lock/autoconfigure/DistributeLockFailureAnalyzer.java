package io.tradekit.lock.autoconfigure;

import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@link DistributeLockStartupException} as Spring Boot's start-up report (description and
 * action, no stack trace), adding the bean whose injection of the template failed when there is one.
 */
class DistributeLockFailureAnalyzer extends AbstractFailureAnalyzer<DistributeLockStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DistributeLockStartupException cause) {
        String description = cause.description();
        UnsatisfiedDependencyException injection = findCause(rootFailure, UnsatisfiedDependencyException.class);
        if (injection != null && injection.getBeanName() != null) {
            description = "Bean '" + injection.getBeanName() + "' injects it"
                    + (injection.getInjectionPoint() != null ? " (" + injection.getInjectionPoint() + ")" : "")
                    + ". " + description;
        }
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
