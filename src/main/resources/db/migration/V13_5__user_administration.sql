-- Administration of accounts on the pages: a password set by an administrator (at creation or by a reset) must be
-- replaced by its user at the next sign-in; sessions signed in before sessions_valid_after are ended (a reset, a
-- disabled account, a changed role, the user's own new password); the last sign-in is shown to administrators.
alter table app_user add column must_change_password boolean default false not null;
alter table app_user add column sessions_valid_after timestamp with time zone;
alter table app_user add column last_sign_in_at timestamp with time zone;
