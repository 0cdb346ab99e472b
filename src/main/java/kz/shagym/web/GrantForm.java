package kz.shagym.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.shagym.security.GrantKind;

/** "Give (or take back) this user this kind of access to the case." Usernames are as users are created. */
public class GrantForm {

    @NotBlank
    @Pattern(regexp = "[a-zA-Z0-9._-]{2,100}")
    private String username;
    @NotNull
    private GrantKind kind;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public GrantKind getKind() { return kind; }
    public void setKind(GrantKind kind) { this.kind = kind; }
}
