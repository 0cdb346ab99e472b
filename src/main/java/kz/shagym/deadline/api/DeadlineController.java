package kz.shagym.deadline.api;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import kz.shagym.clock.ShagymClock;
import kz.shagym.deadline.ComputedDeadline;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.DeadlineRequest;
import kz.shagym.deadline.DeadlineRule;
import kz.shagym.deadline.InvalidInputException;
import kz.shagym.deadline.Messages;
import kz.shagym.deadline.RuleCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/deadlines/compute and GET /api/deadlines/rules (contract: rest-contract.md, "Deadlines"). */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {
    private final DeadlineCalculator calculator;
    private final RuleCatalog catalog;
    // "today" is the application's day in Almaty: with the clock moved (demos, tests) the rules listed are those
    // in force on the day the deadlines are computed for, not on the host's day
    private final ShagymClock clock;

    DeadlineController(DeadlineCalculator calculator, RuleCatalog catalog, ShagymClock clock) {
        this.calculator = calculator;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping("/compute")
    DeadlineResponse compute(@RequestBody ComputeRequestBody body,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale locale = RequestParsing.locale(lang != null ? lang : body.lang(), acceptLanguage);
        ComputedDeadline result = calculator.compute(toRequest(body));
        return toResponse(result, locale);
    }

    @GetMapping("/rules")
    List<RuleView> rules(@RequestParam(name = "at", required = false) String at) {
        LocalDate date = at == null ? LocalDate.now(clock.withZone(DeadlineCalculator.ZONE)) : RequestParsing.date(at, "at");
        return catalog.current(date).stream().map(DeadlineController::view).toList();
    }

    private static DeadlineRequest toRequest(ComputeRequestBody body) {
        boolean hasRule = body.rule() != null && !body.rule().isBlank();
        boolean hasRegime = body.regime() != null && !body.regime().isBlank();
        if (!hasRule && !hasRegime) {
            throw new InvalidInputException("rule", "give either 'rule' or 'regime' and 'period'");
        }
        if (hasRule && (hasRegime || body.period() != null)) {
            // a rule brings its own regime and period: a second one beside it would be silently ignored
            throw new InvalidInputException(hasRegime ? "regime" : "period", "give either 'rule' or 'regime' and 'period', not both");
        }
        return new DeadlineRequest(hasRule ? body.rule().trim() : null,
                hasRule ? null : RequestParsing.regime(body.regime()),
                body.period(),
                RequestParsing.trigger(body.trigger()),
                RequestParsing.dates(body.extraNonWorkingDays(), "extraNonWorkingDays"),
                RequestParsing.dates(body.extraWorkingDays(), "extraWorkingDays"));
    }

    private static DeadlineResponse toResponse(ComputedDeadline d, Locale locale) {
        boolean unverified = d.confidence() != null && !d.verified();
        return new DeadlineResponse(d.ruleId(), d.regime().name(), d.period(), d.trigger().toString(),
                d.lastDay().toString(), d.dueAt().toString(), d.zone().getId(), d.legalBasis(),
                d.confidence() == null ? null : d.confidence().name(), d.explanation(locale),
                d.owedBy() == null ? null : d.owedBy().name(), d.verified(),
                unverified ? Messages.unverifiedWarning(locale) : null);
    }

    private static RuleView view(DeadlineRule r) {
        return new RuleView(r.id(), r.title(), r.basis().display(), r.sourceUrl(), r.confidence().name(),
                r.confidence().verified(), r.owedBy().name(), r.trigger(), r.regime().name(), r.period(),
                r.reminderOffsets().stream().map(Period::toString).toList(),
                r.validFrom() == null ? null : r.validFrom().toString(),
                r.validTo() == null ? null : r.validTo().toString(), r.note());
    }
}
