package kz.shagym.escalation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A port in use is a setting to change, not a bug: Spring Boot prints this description and action instead of the stack
 * trace (registered in {@code META-INF/spring.factories}).
 */
class EnginePortInUseAnalyzer extends AbstractFailureAnalyzer<EnginePortInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EnginePortInUse cause) {
        return new FailureAnalysis(cause.getMessage() + " (another Shagym, or another Zeebe, is running?).",
                "Stop the other program, or start Shagym with SHAGYM_ENGINE_PORT (shagym.engine.port) set to a free port, "
                        + "or to 0 for any free one.", cause);
    }
}
