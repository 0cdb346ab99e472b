package kz.shagym.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** "I filed this letter on this day, this way": the letter workspace's filing form, for the letter the page is about. */
public class LetterFilingForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate filedOn;
    @NotBlank
    @Size(max = 40)
    private String channel = "IN_PERSON";

    public LocalDate getFiledOn() { return filedOn; }
    public void setFiledOn(LocalDate filedOn) { this.filedOn = filedOn; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
}
