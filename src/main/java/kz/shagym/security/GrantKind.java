package kz.shagym.security;

/**
 * What a per-case grant gives. STAFF: a staff member assigned to the case works on it (staff see no other case).
 * IDENTITY: a coordinator may see the victim's identity on this case — and with it the medical facts and the letter
 * files; elsewhere coordinators see a pseudonym. Each fits one role only.
 */
public enum GrantKind {
    STAFF(Role.STAFF), IDENTITY(Role.COORDINATOR);

    private final Role grantee;

    GrantKind(Role grantee) {
        this.grantee = grantee;
    }

    /** The only role this kind may be granted to. */
    public Role grantee() {
        return grantee;
    }
}
