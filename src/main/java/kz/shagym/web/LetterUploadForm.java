package kz.shagym.web;

import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** An edited DOCX to become the letter's next version, with a comment on what was changed. */
public class LetterUploadForm {

    private MultipartFile file;
    @Size(max = 2000)
    private String note;

    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
