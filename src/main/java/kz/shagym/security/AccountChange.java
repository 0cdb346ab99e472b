package kz.shagym.security;

/** The audit trail's kinds for changes of accounts (the entry names who, whom and what; never a password). */
public enum AccountChange {
    USER_CREATED, USER_ROLE_CHANGED, USER_LANGUAGE_CHANGED, USER_DISABLED, USER_ENABLED, PASSWORD_RESET, PASSWORD_CHANGED
}
