package kz.shagym.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on attachments ({@code shagym.attachments.*} in application.properties).
 *
 * @param maxBytes the largest file accepted; the multipart envelope ({@code shagym.http.max-multipart}, 11 MB) must
 *                 exceed it, so that a file just over the limit still reaches the page, which refuses it in words
 */
@ConfigurationProperties("shagym.attachments")
public record AttachmentProperties(@DefaultValue("10MB") DataSize maxBytes) {}
