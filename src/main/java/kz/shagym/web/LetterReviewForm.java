package kz.shagym.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "I approve / reject this version of the letter", with a comment. */
public class LetterReviewForm {

    public enum Decision { APPROVE, REJECT }

    @NotNull
    private Decision decision;
    @Size(max = 2000)
    private String note;

    public Decision getDecision() { return decision; }
    public void setDecision(Decision decision) { this.decision = decision; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
