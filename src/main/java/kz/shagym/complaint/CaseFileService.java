package kz.shagym.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.shagym.clock.ShagymClock;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.security.AuditLog;
import kz.shagym.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Checks and stores a complaint's case file, replaced as a whole. Like the medical facts it never reaches the engine or a
 * ladder event (a ledger event would copy it into the case history in clear), and the audit entry of a change names
 * only the parts that changed, never their values.
 */
@Service
public class CaseFileService {

    /** Published after the case file was replaced: letters that quote it are stale until regenerated. Carries only the id. */
    public record Changed(UUID complaintId) {}

    /** An individual identification number (ИИН): exactly twelve digits. */
    static final Pattern IIN = Pattern.compile("\\d{12}");
    /** Names, numbers, phones, e-mails, places. */
    public static final int MAX_SHORT = 300;
    /** Addresses, the officers, the unit, the witnesses. */
    public static final int MAX_MEDIUM = 2000;
    /** What happened. */
    public static final int MAX_LONG = 8000;

    private final ComplaintLedger ledger;
    private final LedgerTransactions transactions;
    private final ShagymClock clock;
    private final AuditLog audit;

    CaseFileService(ComplaintLedger ledger, LedgerTransactions transactions, ShagymClock clock, AuditLog audit) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Replaces the complaint's case file as a whole (absent parts are cleared) and returns it as stored: blanks dropped
     * around every text, blank texts as absent. Refused with an {@link InvalidFact} naming the field as the API does
     * ({@code applicant.iin}, {@code proceedings.victimRecognisedOn}).
     */
    public CaseFile replace(UUID complaintId, CaseFile caseFile, String by) {
        record Result(String caseNumber, CaseFile stored, List<String> changed) {}
        Result result = transactions.write(() -> {
            ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow(() -> ApiException.notFound("complaint " + complaintId));
            CaseFile checked = checked(caseFile, complaint.incidentDate());
            CaseFile before = ledger.caseFile(complaintId);
            List<String> changed = changedParts(before, checked);
            if (!changed.isEmpty()) {
                ledger.updateCaseFile(complaintId, checked, clock.instant());
                transactions.publisher().publishEvent(new Changed(complaintId));
            }
            return new Result(complaint.caseNumber(), checked, changed);
        });
        // audited once committed (the trail has its own transaction), naming the parts and never their values
        if (!result.changed().isEmpty()) {
            audit.record(by, "CASE_FILE_CHANGED", "case " + result.caseNumber(),
                    "case file changed: " + String.join(", ", result.changed()));
        }
        return result.stored();
    }

    /** The normalized case file, or an {@link InvalidFact} naming the first field that is wrong. */
    CaseFile checked(CaseFile caseFile, LocalDate incidentDate) {
        return checked(caseFile, incidentDate, "");
    }

    /** As {@link #checked(CaseFile, LocalDate)}, the refused field named with a prefix ({@code caseFile.} at intake). */
    CaseFile checked(CaseFile caseFile, LocalDate incidentDate, String fieldPrefix) {
        try {
            return checkedFields(caseFile, incidentDate);
        } catch (InvalidFact e) {
            if (fieldPrefix.isEmpty()) {
                throw e;
            }
            throw new InvalidFact(fieldPrefix + e.field(), e.problem(), e.args().toArray());
        }
    }

    private CaseFile checkedFields(CaseFile caseFile, LocalDate incidentDate) {
        CaseFile c = normalized(caseFile);
        CaseFile.VictimDetails v = c.victim();
        short_("victim.nationality", v.nationality());
        medium("victim.address", v.address());
        iin("victim.iin", v.iin());
        short_("victim.phone", v.phone());
        CaseFile.Applicant a = c.applicant();
        short_("applicant.fullName", a.fullName());
        short_("applicant.relationship", a.relationship());
        date("applicant.birthDate", a.birthDate(), Ladder.EARLIEST_BIRTH);
        if (a.birthDate() != null && incidentDate != null && !a.birthDate().isBefore(incidentDate)) {
            throw new InvalidFact("applicant.birthDate", FactProblem.BIRTH_NOT_BEFORE_INCIDENT, incidentDate);
        }
        short_("applicant.nationality", a.nationality());
        medium("applicant.address", a.address());
        iin("applicant.iin", a.iin());
        short_("applicant.phone", a.phone());
        short_("applicant.email", a.email());
        CaseFile.Counsel l = c.counsel();
        short_("counsel.fullName", l.fullName());
        short_("counsel.licenceNumber", l.licenceNumber());
        short_("counsel.warrantNumber", l.warrantNumber());
        date("counsel.warrantDate", l.warrantDate(), earliest());
        short_("counsel.barAssociation", l.barAssociation());
        medium("counsel.address", l.address());
        short_("counsel.phone", l.phone());
        short_("counsel.email", l.email());
        CaseFile.Incident i = c.incident();
        short_("incident.time", i.time());
        medium("incident.place", i.place());
        max("incident.whatHappened", i.whatHappened(), MAX_LONG);
        medium("incident.perpetrators", i.perpetrators());
        medium("incident.unit", i.unit());
        medium("incident.detentionPlace", i.detentionPlace());
        medium("incident.witnesses", i.witnesses());
        CaseFile.Proceedings p = c.proceedings();
        short_("proceedings.kuiNumber", p.kuiNumber());
        short_("proceedings.erdrNumber", p.erdrNumber());
        short_("proceedings.criminalCaseNumber", p.criminalCaseNumber());
        date("proceedings.victimRecognisedOn", p.victimRecognisedOn(), earliest());
        if (p.victimRecognisedOn() != null && incidentDate != null && p.victimRecognisedOn().isBefore(incidentDate)) {
            throw new InvalidFact("proceedings.victimRecognisedOn", FactProblem.RECOGNISED_BEFORE_INCIDENT, incidentDate);
        }
        return c;
    }

    /** Surrounding blanks dropped, blank text as absent, {@code null} parts as none. */
    static CaseFile normalized(CaseFile c) {
        if (c == null) {
            return CaseFile.EMPTY;
        }
        CaseFile.VictimDetails v = c.victim();
        CaseFile.Applicant a = c.applicant();
        CaseFile.Counsel l = c.counsel();
        CaseFile.Incident i = c.incident();
        CaseFile.Proceedings p = c.proceedings();
        return new CaseFile(
                new CaseFile.VictimDetails(v.gender(), text(v.nationality()), text(v.address()), text(v.iin()), text(v.phone())),
                new CaseFile.Applicant(a.role(), text(a.fullName()), a.gender(), text(a.relationship()), a.birthDate(),
                        text(a.nationality()), text(a.address()), text(a.iin()), text(a.phone()), text(a.email())),
                new CaseFile.Counsel(text(l.fullName()), l.gender(), text(l.licenceNumber()), text(l.warrantNumber()),
                        l.warrantDate(), text(l.barAssociation()), text(l.address()), text(l.phone()), text(l.email())),
                new CaseFile.Incident(text(i.time()), text(i.place()), text(i.whatHappened()), text(i.perpetrators()),
                        text(i.unit()), text(i.detentionPlace()), text(i.witnesses())),
                new CaseFile.Proceedings(text(p.kuiNumber()), text(p.erdrNumber()), text(p.criminalCaseNumber()),
                        p.victimRecognisedOn()));
    }

    /** The parts (victim, applicant, counsel, incident, proceedings) that differ: what the audit entry names. */
    static List<String> changedParts(CaseFile before, CaseFile after) {
        List<String> parts = new ArrayList<>();
        if (!before.victim().equals(after.victim())) {
            parts.add("victim");
        }
        if (!before.applicant().equals(after.applicant())) {
            parts.add("applicant");
        }
        if (!before.counsel().equals(after.counsel())) {
            parts.add("counsel");
        }
        if (!before.incident().equals(after.incident())) {
            parts.add("incident");
        }
        if (!before.proceedings().equals(after.proceedings())) {
            parts.add("proceedings");
        }
        return parts;
    }

    private void date(String field, LocalDate value, LocalDate earliest) {
        if (value == null) {
            return;
        }
        if (value.isAfter(LocalDate.ofInstant(clock.instant(), DeadlineCalculator.ZONE))) {
            throw new InvalidFact(field, FactProblem.IN_FUTURE, value);
        }
        if (value.isBefore(earliest)) {
            throw new InvalidFact(field, FactProblem.TOO_EARLY, earliest);
        }
    }

    private static LocalDate earliest() {
        return LocalDate.ofInstant(Ladder.Dates.EARLIEST, DeadlineCalculator.ZONE);
    }

    private static void iin(String field, String value) {
        if (value != null && !IIN.matcher(value).matches()) {
            throw new InvalidFact(field, FactProblem.IIN_NOT_TWELVE_DIGITS);
        }
    }

    private static void short_(String field, String value) {
        max(field, value, MAX_SHORT);
    }

    private static void medium(String field, String value) {
        max(field, value, MAX_MEDIUM);
    }

    private static void max(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidFact(field, FactProblem.TOO_LONG, max);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
