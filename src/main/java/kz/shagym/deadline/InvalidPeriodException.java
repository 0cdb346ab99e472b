package kz.shagym.deadline;

public class InvalidPeriodException extends DeadlineException {
    public InvalidPeriodException(String field, String message) {
        super(field, message);
    }
}
