package kz.shagym.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a ledger change asks of the outside world once it is committed: messages for the engine, a fresh start of the
 * complaint's process instance (new complaint, corrected dates), letters to draft. Published as one Spring event after commit.
 */
public record LadderEffects(UUID complaintId, List<EngineMessage> messages, boolean startInstance, boolean replan,
                            List<LetterRequest> letters, List<DeadlineRole> recalculated) {

    /** A message to the engine, correlated by complaint id; the message id makes a retried publish harmless. */
    public record EngineMessage(String name, String messageId, Map<String, Object> variables) {}

    /** A letter the application drafts itself (not from a rung's own service task). */
    public record LetterRequest(String kind, UUID trackId, String idempotencyKey) {}

    static final class Builder {
        private final UUID complaintId;
        private final List<EngineMessage> messages = new ArrayList<>();
        private final List<LetterRequest> letters = new ArrayList<>();
        private boolean startInstance;
        private boolean replan;
        private final List<DeadlineRole> recalculated = new ArrayList<>();

        Builder(UUID complaintId) {
            this.complaintId = complaintId;
        }

        void message(String name, String messageId, Map<String, Object> variables) {
            messages.add(new EngineMessage(name, messageId, variables));
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

        boolean isEmpty() {
            return messages.isEmpty() && letters.isEmpty() && !startInstance && !replan;
        }

        LadderEffects build() {
            return new LadderEffects(complaintId, List.copyOf(messages), startInstance, replan, List.copyOf(letters),
                    List.copyOf(recalculated));
        }
    }
}
