package kz.shagym.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a ledger change asks of the rest of the application: letters to draft, deadlines whose letters went stale, and
 * reminders to re-plan (every listener re-plans the complaint's). Published as one Spring event inside the change's
 * transaction. What the engine must hear travels separately, as {@link EngineCommand}s stored with the change.
 */
public record LadderEffects(UUID complaintId, List<LetterRequest> letters, List<DeadlineRole> recalculated) {

    /** A letter the application drafts itself (not from a rung's own service task). */
    public record LetterRequest(String kind, UUID trackId, String idempotencyKey) {}

    static final class Builder {
        private final UUID complaintId;
        private final List<EngineCommand.PublishMessage> messages = new ArrayList<>();
        private final List<LetterRequest> letters = new ArrayList<>();
        private boolean startInstance;
        private boolean replan;
        private final List<DeadlineRole> recalculated = new ArrayList<>();

        Builder(UUID complaintId) {
            this.complaintId = complaintId;
        }

        void message(String name, String messageId, Map<String, Object> variables) {
            messages.add(new EngineCommand.PublishMessage(complaintId, name, messageId, variables));
        }

        void letter(String kind, UUID trackId, String idempotencyKey) {
            letters.add(new LetterRequest(kind, trackId, idempotencyKey));
        }

        void startInstance() {
            startInstance = true;
        }

        void replan() {
            replan = true;
        }

        /** A deadline got new dates: letters quoting the old ones are stale. */
        void recalculated(DeadlineRole role) {
            recalculated.add(role);
        }

        LadderEffects build() {
            return new LadderEffects(complaintId, List.copyOf(letters), List.copyOf(recalculated));
        }

        /** A start or a re-plan rebuilds the instance from the ledger, which already holds what the messages would say. */
        List<EngineCommand> engineCommands() {
            if (startInstance) {
                return List.of(new EngineCommand.StartLadder(complaintId));
            }
            if (replan) {
                return List.of(new EngineCommand.ReplanLadder(complaintId));
            }
            return List.copyOf(messages);
        }
    }
}
