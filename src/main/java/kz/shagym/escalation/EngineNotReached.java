package kz.shagym.escalation;

/**
 * The engine did not take a command (unreachable, overloaded, or being rebuilt). Expected, and put right by the
 * outbox's redelivery: it carries no stack trace, so a stopped engine costs one log line per attempt, not a page.
 */
class EngineNotReached extends RuntimeException {

    EngineNotReached(String message) {
        super(message, null, false, false);
    }
}
