package kz.shagym.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.EventCommand;
import kz.shagym.complaint.EventType;
import kz.shagym.complaint.InvalidFact;
import kz.shagym.complaint.Ladder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * A letter's filing as the pages record it (the case page's form and the letter's workspace): the day it was filed and
 * how. A refusal lands on the form's date field, worded in the page's language.
 */
@Component
class LetterFilings {

    private final Ladder ladder;
    private final ShagymClock clock;
    private final FactMessages facts;

    LetterFilings(Ladder ladder, ShagymClock clock, FactMessages facts) {
        this.ladder = ladder;
        this.clock = clock;
        this.facts = facts;
    }

    /** True once recorded; false with the refusal in {@code result} (the form's date field is {@code filedOn}). */
    boolean record(UUID complaintId, UUID letterId, LocalDate filedOn, String channel, String user, BindingResult result,
                   Locale locale) {
        try {
            var filedAt = Forms.filedOn(filedOn, clock.instant());
            // the filing date alone, so that a refusal of it names the filing date (occurredAt would name "the event")
            ladder.record(complaintId, new EventCommand(EventType.FILED, null, null, null, null, null, null, null,
                    letterId, filedAt, channel, null, null, null, null, null, null), user);
            return true;
        } catch (InvalidFact e) {
            Forms.reject(result, dateField(e.field()), facts.message(e, locale));
        } catch (ApiException e) {
            Forms.reject(result, dateField(e.field()), e);
        }
        return false;
    }

    private static String dateField(String apiField) {
        return "filedAt".equals(apiField) || "occurredAt".equals(apiField) ? "filedOn" : null;
    }
}
