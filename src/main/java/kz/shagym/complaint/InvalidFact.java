package kz.shagym.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact of a complaint the ledger refuses (a date in the future, dates that contradict each other, a value missing):
 * the field as the API names it, a {@link FactProblem} code and the problem's arguments as types ({@link Instant},
 * {@link LocalDate}), never as text. The web layer words it in the reader's language and writes the dates as the lawyer
 * entered them; the domain stays free of HTTP and of any one language. {@link #getMessage()} is English, for logs.
 */
public final class InvalidFact extends RuntimeException {

    private final String field;
    private final FactProblem problem;
    private final List<Object> args;

    public InvalidFact(String field, FactProblem problem, Object... args) {
        super((field == null ? "" : field + ": ") + problem + (args.length == 0 ? "" : " " + List.of(args)));
        this.field = field;
        this.problem = problem;
        this.args = List.of(args);
    }

    /** The field as the API names it ({@code victim.birthDate}, {@code learnedAt}); null for a conflict with the case. */
    public String field() {
        return field;
    }

    public FactProblem problem() {
        return problem;
    }

    /** Instants, local dates or plain values, in the order of the problem's message. */
    public List<Object> args() {
        return args;
    }
}
