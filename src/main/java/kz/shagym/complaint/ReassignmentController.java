package kz.shagym.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import kz.shagym.security.CaseAccess;
import kz.shagym.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/complaints/{id}/lawyer {"lawyer": "username"}}: hands the case to another lawyer (administrators and
 * coordinators; others get a 403, audited). 200 with the lawyer of record and whether it changed; 404 unknown user, 400
 * a user who is not a lawyer, 409 a closed case.
 */
@RestController
class ReassignmentController {

    record LawyerBody(@NotBlank(message = "is required: the username of the lawyer who takes the case over")
                      @Pattern(regexp = "[a-zA-Z0-9._-]{2,100}", message = "is not a username") String lawyer) {}

    record Reassigned(String lawyer, boolean changed) {}

    private final ComplaintLedger ledger;
    private final CaseAccess access;
    private final Reassignment reassignment;

    ReassignmentController(ComplaintLedger ledger, CaseAccess access, Reassignment reassignment) {
        this.ledger = ledger;
        this.access = access;
        this.reassignment = reassignment;
    }

    @PutMapping("/api/complaints/{id}/lawyer")
    Reassigned reassign(@PathVariable UUID id, @Valid @RequestBody LawyerBody body, Authentication user) {
        ComplaintRecord complaint = ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
        access.requireReassignment(user, complaint.ref());
        boolean changed = reassignment.reassign(id, body.lawyer(), user.getName());
        return new Reassigned(body.lawyer(), changed);
    }
}
