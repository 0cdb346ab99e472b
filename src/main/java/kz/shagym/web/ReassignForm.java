package kz.shagym.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** "Hand this case to this lawyer." Usernames are as users are created. */
public class ReassignForm {

    @NotBlank
    @Pattern(regexp = "[a-zA-Z0-9._-]{2,100}")
    private String lawyer;

    public String getLawyer() { return lawyer; }
    public void setLawyer(String lawyer) { this.lawyer = lawyer; }
}
