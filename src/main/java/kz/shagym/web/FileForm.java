package kz.shagym.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** "I filed this letter on this day, this way." */
public class FileForm {

    static final java.util.List<String> CHANNELS = java.util.List.of("IN_PERSON", "POST", "E_OTINISH", "COURT_OFFICE", "EMAIL");

    @NotNull
    private UUID letterId;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate filedOn;
    @NotBlank
    @Size(max = 40)
    private String channel = "IN_PERSON";

    public UUID getLetterId() { return letterId; }
    public void setLetterId(UUID letterId) { this.letterId = letterId; }
    public LocalDate getFiledOn() { return filedOn; }
    public void setFiledOn(LocalDate filedOn) { this.filedOn = filedOn; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
}
