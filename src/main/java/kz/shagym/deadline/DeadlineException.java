package kz.shagym.deadline;

/** A deadline cannot be computed because of the input; {@link #field()} names the offending input field. */
public class DeadlineException extends RuntimeException {
    private final String field;

    public DeadlineException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
