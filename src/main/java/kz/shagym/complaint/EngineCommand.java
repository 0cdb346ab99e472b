package kz.shagym.complaint;

import java.util.Map;
import java.util.UUID;

/**
 * What the engine must be told of a ledger change. Published inside the change's transaction, so that the event
 * publication registry (table event_publication) stores it with the change; delivered once the change is committed,
 * and delivered again (after a failed delivery, a crash, a restart) until a delivery succeeds. Every kind is safe to
 * deliver twice: a start finds the instance already there, a re-plan replaces the instance again, a message carries
 * its id and the engine drops a second copy.
 */
public sealed interface EngineCommand {

    UUID complaintId();

    /** A new complaint: its ladder starts at the start event. */
    record StartLadder(UUID complaintId) implements EngineCommand {}

    /** Dates changed under a running instance (the engine cannot re-date a timer): the instance is rebuilt from the ledger. */
    record ReplanLadder(UUID complaintId) implements EngineCommand {}

    /** A recorded act for the process wait it ends, correlated by complaint id; the message id makes a repeat harmless. */
    record PublishMessage(UUID complaintId, String name, String messageId, Map<String, Object> variables)
            implements EngineCommand {}
}
