package kz.shagym.complaint;

import kz.shagym.security.CaseAccess;
import kz.shagym.security.CaseGrants;
import kz.shagym.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Registration as a person does it (the API and the intake page): staff see only the cases they are assigned to, so
 * a staff member who registers a complaint is assigned to it with it, and the trail records that grant.
 */
@Service
public class Registration {

    private final Ladder ladder;
    private final CaseGrants grants;

    Registration(Ladder ladder, CaseGrants grants) {
        this.ladder = ladder;
        this.grants = grants;
    }

    public ComplaintRecord register(NewComplaint request, String lawyer, Authentication by) {
        boolean staff = CaseAccess.has(by, Role.STAFF);
        ComplaintRecord created = ladder.register(request, lawyer, staff ? by.getName() : null);
        if (staff) {
            grants.recordAssignedOnRegistration(created.ref(), by.getName());
        }
        return created;
    }
}
