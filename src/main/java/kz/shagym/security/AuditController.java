package kz.shagym.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators verify the audit chain: 200 when intact, 409 naming the first broken link otherwise. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/admin/audit/verify")
    ResponseEntity<AuditVerifier.Result> verify() {
        AuditVerifier.Result result = verifier.verify();
        return ResponseEntity.status(result.intact() ? 200 : 409).body(result);
    }
}
