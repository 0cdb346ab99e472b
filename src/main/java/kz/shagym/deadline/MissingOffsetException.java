package kz.shagym.deadline;

public class MissingOffsetException extends DeadlineException {
    public MissingOffsetException(String field, String message) {
        super(field, message);
    }
}
