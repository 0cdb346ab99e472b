package kz.shagym.attachment;

import java.time.LocalDate;

/** What a lawyer uploads: the file's bytes and name as sent, a title, what it is, and the document's own date if known. */
public record Upload(byte[] content, String fileName, String title, AttachmentKind kind, LocalDate documentDate) {}
