package kz.shagym.complaint;

import java.util.List;
import java.util.UUID;
import kz.shagym.security.CaseAccess;
import kz.shagym.security.CaseGrants;
import kz.shagym.security.GrantKind;
import kz.shagym.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-case grants as resources: {@code /api/complaints/{id}/grants/{username}/{kind}}. PUT grants (201 when added,
 * 200 when it was already there), DELETE revokes (204; 404 when there was none). Anyone who may read the case may list
 * them; only administrators and the case's lawyer change them (others get a 403, audited).
 */
@RestController
@RequestMapping("/api/complaints/{id}/grants")
class GrantController {

    private final ComplaintLedger ledger;
    private final CaseAccess access;
    private final CaseGrants grants;

    GrantController(ComplaintLedger ledger, CaseAccess access, CaseGrants grants) {
        this.ledger = ledger;
        this.access = access;
        this.grants = grants;
    }

    @GetMapping
    List<CaseGrants.Grant> list(@PathVariable UUID id, Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireRead(user, complaint.ref());
        return grants.of(id);
    }

    @PutMapping("/{username}/{kind}")
    ResponseEntity<CaseGrants.Grant> grant(@PathVariable UUID id, @PathVariable String username, @PathVariable GrantKind kind,
                                           Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireGrantManagement(user, complaint.ref());
        boolean added = grants.grant(complaint.ref(), username, kind, user.getName());
        CaseGrants.Grant grant = grants.of(id).stream()
                .filter(g -> g.username().equals(username) && g.kind() == kind).findFirst().orElseThrow();
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(grant);
    }

    @DeleteMapping("/{username}/{kind}")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable String username, @PathVariable GrantKind kind,
                                Authentication user) {
        ComplaintRecord complaint = complaint(id);
        access.requireGrantManagement(user, complaint.ref());
        if (!grants.revoke(complaint.ref(), username, kind, user.getName())) {
            throw ApiException.notFound("grant " + kind + " to " + abbreviate(username));
        }
        return ResponseEntity.noContent().build();
    }

    private ComplaintRecord complaint(UUID id) {
        return ledger.find(id).orElseThrow(() -> ApiException.notFound("complaint " + id));
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
