package kz.shagym.deadline;

public class InvalidInputException extends DeadlineException {
    public InvalidInputException(String field, String message) {
        super(field, message);
    }
}
