package kz.shagym.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * One version of a catalog rule. A rule id may have several versions with disjoint
 * [validFrom, validTo] ranges (validTo inclusive, null = open); the version in force at the trigger date applies.
 */
public record DeadlineRule(String id, Map<String, String> title, LegalBasis basis,
        String sourceUrl, Confidence confidence, OwedBy owedBy, String trigger, Regime regime, String period,
        List<Period> reminderOffsets, LocalDate validFrom, LocalDate validTo, String note) {

    public boolean inForceAt(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    public String title(String lang) {
        return title.getOrDefault(lang, title.get("ru"));
    }
}
