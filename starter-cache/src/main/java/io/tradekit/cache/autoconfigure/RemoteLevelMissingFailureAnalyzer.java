package io.tradekit.cache.autoconfigure;

import io.tradekit.cache.remote.RemoteLevelMissingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link RemoteLevelMissingException} into Spring Boot's "APPLICATION FAILED TO START"
 * report (description and action) instead of a stack trace.
 */
class RemoteLevelMissingFailureAnalyzer extends AbstractFailureAnalyzer<RemoteLevelMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RemoteLevelMissingException cause) {
        return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
    }
}
