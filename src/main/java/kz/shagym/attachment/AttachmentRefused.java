package kz.shagym.attachment;

import java.util.List;

/**
 * An upload or an annex choice the attachments refuse. The web layer words it in the user's language from
 * {@code attachment.refused.<REASON>} with {@link #args()}; {@link #field()} names the input at fault.
 */
public class AttachmentRefused extends RuntimeException {

    public enum Reason {
        /** No file, or a file of 0 bytes. */
        EMPTY("file"),
        /** Larger than the limit; args: the limit in MiB. */
        TOO_LARGE("file"),
        /** Content none of PDF, JPEG, PNG, DOCX. */
        UNSUPPORTED_TYPE("file"),
        /** The content is one allowed type, the name's extension another (or none); args: detected type, file name. */
        NAME_MISMATCH("file"),
        TITLE_REQUIRED("title"),
        /** args: the maximum length. */
        TITLE_TOO_LONG("title"),
        /** args: the maximum length. */
        FILE_NAME_TOO_LONG("file"),
        KIND_REQUIRED("kind"),
        /** An annex that is not a (live) attachment of the letter's complaint. */
        NOT_OF_THIS_CASE("attachmentIds"),
        /** Not found (or deleted). */
        NO_SUCH_ATTACHMENT(null);

        private final String field;

        Reason(String field) {
            this.field = field;
        }
    }

    private final Reason reason;
    private final List<Object> args;

    public AttachmentRefused(Reason reason, Object... args) {
        super(reason.name());
        this.reason = reason;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    public List<Object> args() {
        return args;
    }

    public String field() {
        return reason.field;
    }
}
