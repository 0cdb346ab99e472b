package kz.shagym.deadline;

public class UnknownRuleException extends DeadlineException {
    public UnknownRuleException(String field, String message) {
        super(field, message);
    }
}
