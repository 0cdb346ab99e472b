package kz.shagym.security;

/** Who does what: lawyers act on their own cases, coordinators oversee all, staff prepare documents, admins administer. */
public enum Role {
    ADMIN, COORDINATOR, LAWYER, STAFF
}
