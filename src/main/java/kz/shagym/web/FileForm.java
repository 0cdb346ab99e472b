package kz.shagym.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** "I filed this letter on this day, this way", on the case page: the letter is chosen in the form. */
public class FileForm extends LetterFilingForm {

    static final java.util.List<String> CHANNELS = java.util.List.of("IN_PERSON", "POST", "E_OTINISH", "COURT_OFFICE", "EMAIL");

    @NotNull
    private UUID letterId;

    public UUID getLetterId() { return letterId; }
    public void setLetterId(UUID letterId) { this.letterId = letterId; }
}
