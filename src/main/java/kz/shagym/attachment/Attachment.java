package kz.shagym.attachment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One stored attachment, title and file name decrypted; {@code sha256} is that of the file as uploaded. */
public record Attachment(UUID id, UUID complaintId, String title, AttachmentKind kind, LocalDate documentDate,
                         String fileName, String mediaType, long size, String sha256, String uploadedBy, Instant uploadedAt) {}
