package kz.shagym.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ledger's one free-text {@code detail} column of an event holds, as typed fields: the decision's reason, the
 * letter filed, the committee, why a case was closed, the rule whose deadline lapsed, a date correction, a recalculated last day, and the
 * lawyer's own note. The ladder writes that column in a few fixed shapes (see {@link Ladder}); this is the one place
 * that reads them back, so the pages and the API show words and dates instead of "reason=NO_CRIME; …".
 */
public record EventDetail(EventCommand.DecisionReason reason, String letterKind, EventCommand.Committee committee,
                          boolean interimMeasures, UUID decisionEventId, String ruleId, Correction correction,
                          Recalculation recalculation, String note, EventCommand.CloseReason closeReason) {

    /** A date correction: which entry (its sequence number) and each date before → after; null where unchanged. */
    public record Correction(int seq, Instant occurredFrom, Instant occurredTo, Instant learnedFrom, Instant learnedTo,
                             Instant copyFrom, Instant copyTo, String reason) {}

    /** A deadline computed again: its rule and its last day before → after. */
    public record Recalculation(String ruleId, LocalDate from, LocalDate to) {}

    private static final EventDetail NONE = new EventDetail(null, null, null, false, null, null, null, null, null, null);
    private static final Pattern REASON = Pattern.compile("^reason=([A-Z_]+)(?:; )?");
    private static final Pattern CLOSE_REASON = Pattern.compile("^" + Pattern.quote(Ladder.CLOSE_REASON) + "([A-Z_]+)(?:; )?");
    private static final Pattern DECISION = Pattern.compile("^decision ([0-9a-f-]{36})(?:; )?");
    private static final Pattern LETTER = Pattern.compile("^([A-Z][A-Z_]+)(?:; |$)");
    private static final Pattern COMMITTEE = Pattern.compile("^(CAT|HRC)( interimMeasures=true)?(?:; |$)");
    private static final Pattern RULE = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$");
    private static final Pattern CORRECTION = Pattern.compile(
            "^event (\\d+): occurredAt (\\S+)→(\\S+), learnedAt (\\S+)→(\\S+), copyReceivedAt (\\S+)→(\\S+); reason: (.*)$",
            Pattern.DOTALL);
    private static final Pattern RECALCULATION = Pattern.compile("^(\\S+): last day (\\d{4}-\\d{2}-\\d{2}) → (\\d{4}-\\d{2}-\\d{2})(?: \\(.*\\))?$");

    public static EventDetail of(EventType type, String detail) {
        if (detail == null || detail.isBlank()) {
            return NONE;
        }
        return switch (type) {
            case AUTHORITY_SILENT, ANSWER_OVERDUE, REMINDER_DUE, DEADLINE_MISSED -> RULE.matcher(detail).matches()
                    ? new EventDetail(null, null, null, false, null, detail, null, null, null, null) : note(detail);
            case DATE_CORRECTED -> correction(detail);
            case DEADLINE_RECALCULATED -> recalculation(detail);
            default -> recorded(type, detail);
        };
    }

    /** What a lawyer's event carries: "reason=X; " first, then the ladder's own detail for its type, then the note. */
    private static EventDetail recorded(EventType type, String detail) {
        String rest = detail;
        EventCommand.DecisionReason reason = null;
        Matcher m = REASON.matcher(rest);
        if (m.find() && known(EventCommand.DecisionReason.class, m.group(1))) {
            reason = EventCommand.DecisionReason.valueOf(m.group(1));
            rest = rest.substring(m.end());
        }
        EventCommand.CloseReason closeReason = null;
        if (type == EventType.CLOSED && (m = CLOSE_REASON.matcher(rest)).find()
                && known(EventCommand.CloseReason.class, m.group(1))) {
            closeReason = EventCommand.CloseReason.valueOf(m.group(1));
            rest = rest.substring(m.end());
        }
        String letterKind = null;
        EventCommand.Committee committee = null;
        boolean interim = false;
        UUID decision = null;
        if (type == EventType.COPY_RECEIVED && (m = DECISION.matcher(rest)).find()) {
            decision = UUID.fromString(m.group(1));
            rest = rest.substring(m.end());
        } else if ((type == EventType.UN_SUBMITTED || type == EventType.FILED) && (m = COMMITTEE.matcher(rest)).find()) {
            committee = EventCommand.Committee.valueOf(m.group(1));
            interim = m.group(2) != null;
            rest = rest.substring(m.end());
        } else if (type == EventType.FILED && (m = LETTER.matcher(rest)).find()) {
            letterKind = m.group(1);
            rest = rest.substring(m.end());
        }
        return new EventDetail(reason, letterKind, committee, interim, decision, null, null, null,
                rest.isBlank() ? null : rest, closeReason);
    }

    private static EventDetail correction(String detail) {
        Matcher m = CORRECTION.matcher(detail);
        if (!m.matches()) {
            return note(detail);
        }
        String reason = "—".equals(m.group(8)) ? null : m.group(8);
        return new EventDetail(null, null, null, false, null, null, new Correction(Integer.parseInt(m.group(1)),
                instant(m.group(2)), instant(m.group(3)), instant(m.group(4)), instant(m.group(5)), instant(m.group(6)),
                instant(m.group(7)), reason), null, null, null);
    }

    private static EventDetail recalculation(String detail) {
        Matcher m = RECALCULATION.matcher(detail);
        if (!m.matches()) {
            return note(detail);
        }
        return new EventDetail(null, null, null, false, null, m.group(1), null,
                new Recalculation(m.group(1), LocalDate.parse(m.group(2)), LocalDate.parse(m.group(3))), null, null);
    }

    private static EventDetail note(String detail) {
        return new EventDetail(null, null, null, false, null, null, null, null, detail, null);
    }

    private static Instant instant(String text) {
        return "null".equals(text) ? null : Instant.parse(text);
    }

    private static <E extends Enum<E>> boolean known(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
