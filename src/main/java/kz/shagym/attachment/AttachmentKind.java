package kz.shagym.attachment;

/** What an attachment is, as the lawyer files it. */
public enum AttachmentKind {
    DECISION, MEDICAL_REPORT, PHOTO, OTHER
}
