package kz.shagym.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result of one computation, with the steps that explain it. */
public record ComputedDeadline(String ruleId, Regime regime, String period, Instant trigger,
        LocalDate lastDay, Instant dueAt, ZoneId zone, String legalBasis,
        Confidence confidence, OwedBy owedBy, List<Step> steps) {

    /** One localized line per step; an unverified rule's explanation says so. */
    public List<String> explanation(Locale locale) {
        List<String> lines = new ArrayList<>(steps.size());
        for (Step step : steps) {
            lines.add(step.render(locale));
        }
        return lines;
    }

    /** True only for a catalog rule labelled V1 or V2; ad-hoc periods carry no legal verification. */
    public boolean verified() {
        return confidence != null && confidence.verified();
    }
}
