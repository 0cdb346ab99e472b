package kz.shagym.complaint;

import kz.shagym.clock.ShagymClock;
import kz.shagym.security.AuditLog;
import kz.shagym.security.Role;
import kz.shagym.security.UserAccounts;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Hands a case to another lawyer (a lawyer leaves, falls ill, has too many cases). The case's history records who did
 * it and when, the audit trail records it as it does grants, and from the commit on the new lawyer sees the case on
 * their board and the old one no longer does (a lawyer's access follows the lawyer of record). Who may do it is the
 * caller's check (CaseAccess.requireReassignment).
 */
@Service
public class Reassignment {

    private final ComplaintLedger ledger;
    private final LedgerTransactions transactions;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final ShagymClock clock;

    Reassignment(ComplaintLedger ledger, LedgerTransactions transactions, UserAccounts accounts, AuditLog audit, ShagymClock clock) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @return whether the lawyer changed (false: the case was already theirs, nothing is recorded)
     */
    public boolean reassign(java.util.UUID complaintId, String newLawyer, String by) {
        UserAccounts.Account account = accounts.find(newLawyer)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "lawyer", "no user " + abbreviate(newLawyer)));
        if (account.role() != Role.LAWYER) {
            throw ApiException.badRequest("lawyer", "a case is assigned to a lawyer; " + abbreviate(newLawyer) + " is "
                    + account.role().name().toLowerCase());
        }
        java.util.Optional<Handover> handover = transactions.write(() -> {
            ComplaintRecord complaint = ledger.lock(complaintId).orElseThrow(() -> ApiException.notFound("complaint " + complaintId));
            if (!complaint.open()) {
                throw ApiException.conflict("complaint " + complaint.caseNumber() + " is closed: it stays with its lawyer");
            }
            if (complaint.lawyer().equals(newLawyer)) {
                return java.util.Optional.<Handover>empty();
            }
            var now = clock.instant();
            ledger.updateLawyer(complaintId, newLawyer, now);
            ledger.appendEvent(complaintId, EventType.REASSIGNED, now, null, null, null, null, null,
                    complaint.lawyer() + " → " + newLawyer, "USER", by, now);
            // reminders and digests go to the lawyer of record: replanned after commit like any ledger change
            transactions.publish(new LadderEffects.Builder(complaintId));
            return java.util.Optional.of(new Handover(complaint.caseNumber(), complaint.lawyer()));
        });
        // audited once committed (the trail has its own transaction): it never names a handover that was rolled back
        handover.ifPresent(h -> audit.record(by, "CASE_REASSIGNED", "case " + h.caseNumber(), "from " + h.from() + " to " + newLawyer));
        return handover.isPresent();
    }

    private record Handover(String caseNumber, String from) {}

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
