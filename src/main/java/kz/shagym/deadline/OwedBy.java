package kz.shagym.deadline;

/** Who must act before the deadline. */
public enum OwedBy { APPLICANT, AUTHORITY, STATE }
