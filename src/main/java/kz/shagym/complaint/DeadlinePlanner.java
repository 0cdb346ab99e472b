package kz.shagym.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.shagym.deadline.ComputedDeadline;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.DeadlineRule;
import kz.shagym.deadline.RuleCatalog;
import org.springframework.stereotype.Component;

/** Turns a rung's clock into a ledger deadline: computed by the calculator, explained in ru/kk/en, with its first reminder. */
@Component
class DeadlinePlanner {

    /** Reminders go out at the start of a working morning in Almaty, not at midnight. */
    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    private static final List<Locale> EXPLANATION_LOCALES = List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"), Locale.ENGLISH);

    private final DeadlineCalculator calculator;
    private final RuleCatalog catalog;
    private final ObjectMapper json;

    DeadlinePlanner(DeadlineCalculator calculator, RuleCatalog catalog, ObjectMapper json) {
        this.calculator = calculator;
        this.catalog = catalog;
        this.json = json;
    }

    record Trigger(String kind, Instant at, UUID eventId, String field) {}

    DeadlineRecord plan(UUID complaintId, UUID trackId, DeadlineRole role, Trigger trigger, Instant now) {
        ComputedDeadline computed = calculator.compute(role.ruleId(), trigger.at());
        DeadlineRule rule = catalog.rule(role.ruleId(), trigger.at().atZone(DeadlineCalculator.ZONE).toLocalDate());
        return new DeadlineRecord(UUID.randomUUID(), complaintId, trackId, role, role.ruleId(), computed.owedBy().name(),
                trigger.kind(), trigger.eventId(), trigger.field(), trigger.at(), computed.lastDay(), computed.dueAt(),
                firstReminder(rule, trigger.at(), computed), "OPEN", computed.confidence().name(), computed.legalBasis(),
                explanation(computed), null, null, null, null, now);
    }

    /**
     * The earliest reminder of the rule's ladder that still falls after the trigger day (a 3-day term cannot have a
     * 7-day reminder); if none fits, the morning of the last day, or the end itself for hour-counted terms.
     */
    static Instant firstReminder(DeadlineRule rule, Instant trigger, ComputedDeadline computed) {
        LocalDate triggerDay = trigger.atZone(DeadlineCalculator.ZONE).toLocalDate();
        return rule.reminderOffsets().stream()
                .sorted(Comparator.comparing((Period p) -> computed.lastDay().minus(p)))
                .map(p -> computed.lastDay().minus(p))
                .filter(day -> day.isAfter(triggerDay))
                .map(day -> day.atTime(REMINDER_TIME).atZone(DeadlineCalculator.ZONE).toInstant())
                .filter(at -> at.isBefore(computed.dueAt()))
                .findFirst()
                .orElse(computed.dueAt());
    }

    private String explanation(ComputedDeadline computed) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (Locale locale : EXPLANATION_LOCALES) {
            byLanguage.put(locale.getLanguage(), computed.explanation(locale));
        }
        try {
            return json.writeValueAsString(byLanguage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a deadline explanation", e);
        }
    }
}
