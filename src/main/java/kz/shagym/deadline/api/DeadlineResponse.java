package kz.shagym.deadline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The contract's compute response plus owedBy, verified and warning. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadlineResponse(String rule, String regime, String period, String trigger, String lastDay, String dueAt,
        String zone, String legalBasis, String confidence, List<String> explanation, String owedBy, boolean verified,
        String warning) {}
