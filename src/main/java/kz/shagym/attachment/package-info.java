/**
 * Attachments of a complaint: scans and files of decisions, medical reports and photos (PDF, JPEG, PNG, DOCX), checked
 * by content, size-limited ({@link kz.shagym.attachment.AttachmentProperties}), encrypted at rest with their title and
 * file name, their SHA-256 recorded at upload; and the annexes each letter lists, chosen by the lawyer.
 *
 * <h2>Public API</h2>
 * <ul>
 * <li>{@link kz.shagym.attachment.Attachments}: upload, list, read, delete (soft), and the ticked annexes of a letter.</li>
 * <li>{@link kz.shagym.attachment.AttachmentRefused}: why an upload or an annex choice was refused (the web layer words it
 *     in the user's language from {@code attachment.refused.<REASON>}).</li>
 * <li>The {@link kz.shagym.letter.AnnexSource} bean: a letter's annexes are the attachments the lawyer ticked for it.</li>
 * </ul>
 */
package kz.shagym.attachment;
