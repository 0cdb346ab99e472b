package kz.shagym.deadline;

public class UnknownRegimeException extends DeadlineException {
    public UnknownRegimeException(String field, String message) {
        super(field, message);
    }
}
