package kz.shagym.web;

import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/**
 * The letter's addressee as the lawyer corrects it (one line of the heading per line; empty: the registry's for the
 * region), and what the lawyer states for this letter: why a term was missed, the risk for interim measures, why a
 * communication comes late, other international procedures.
 */
public class LetterParticularsForm {

    @Size(max = 2000)
    private String addressee;
    @Size(max = 4000)
    private String missedTermReason;
    @Size(max = 4000)
    private String riskStatement;
    @Size(max = 4000)
    private String delayJustification;
    @Size(max = 4000)
    private String otherProcedures;

    List<String> addresseeLines() {
        return addressee == null ? List.of()
                : Arrays.stream(addressee.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public String getAddressee() { return addressee; }
    public void setAddressee(String addressee) { this.addressee = addressee; }
    public String getMissedTermReason() { return missedTermReason; }
    public void setMissedTermReason(String missedTermReason) { this.missedTermReason = missedTermReason; }
    public String getRiskStatement() { return riskStatement; }
    public void setRiskStatement(String riskStatement) { this.riskStatement = riskStatement; }
    public String getDelayJustification() { return delayJustification; }
    public void setDelayJustification(String delayJustification) { this.delayJustification = delayJustification; }
    public String getOtherProcedures() { return otherProcedures; }
    public void setOtherProcedures(String otherProcedures) { this.otherProcedures = otherProcedures; }
}
