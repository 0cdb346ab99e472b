package kz.shagym.deadline;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns one YAML rule mapping into a checked {@link DeadlineRule}. */
final class RuleYamls {
    private RuleYamls() {}

    static DeadlineRule rule(Map<String, Object> raw, String file) {
        String id = Yamls.required(raw, "id", file);
        String at = file + " rule " + id;
        Map<String, Object> basis = Yamls.map(raw, "basis");
        LegalBasis legalBasis = new LegalBasis(Yamls.string(basis, "act"), Yamls.string(basis, "article"),
                Yamls.string(basis, "part"), Yamls.required(basis, "display", at));
        Regime regime = Regime.valueOf(Yamls.required(raw, "regime", at));
        String period = Yamls.required(raw, "period", at);
        try {
            Periods.parse(regime, period);
        } catch (InvalidPeriodException e) {
            throw new IllegalStateException(at + ": " + e.getMessage(), e);
        }
        List<Period> offsets = new ArrayList<>();
        for (String s : Yamls.strings(raw, "reminderOffsets")) {
            offsets.add(Period.parse(s));
        }
        DeadlineRule rule = new DeadlineRule(id, Yamls.texts(raw, "title", at), legalBasis,
                Yamls.string(raw, "sourceUrl"), Confidence.valueOf(Yamls.required(raw, "confidence", at)),
                OwedBy.valueOf(Yamls.required(raw, "owedBy", at)), Yamls.required(raw, "trigger", at), regime, period,
                List.copyOf(offsets), Yamls.date(raw, "validFrom"), Yamls.date(raw, "validTo"), Yamls.string(raw, "note"));
        if (!rule.confidence().verified() && (rule.note() == null || rule.note().isBlank())) {
            throw new IllegalStateException(at + ": unverified rule needs a note saying what to check");
        }
        return rule;
    }
}
