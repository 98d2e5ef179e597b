package app.lantern.notification;

import app.lantern.shared.net.OutboundGuard;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP ({@code smtp://host:port} with STARTTLS when offered, or {@code smtps://host:port}); sender address in
 * the channel's app id, user name and password from the named variables. Sends a plain-text and an HTML part.
 * "Delivered" means the SMTP server accepted the message.
 */
@Component
class EmailSender implements ChannelSender {

    private final Secrets secrets;
    private final OutboundGuard guard;

    EmailSender(Secrets secrets, OutboundGuard guard) {
        this.secrets = secrets;
        this.guard = guard;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public SendResult send(ChannelConfig channel, OutboundMessage message) {
        String to = message.recipient().email();
        if (to == null) {
            return SendResult.skipped("recipient has no email address");
        }
        URI uri = URI.create(channel.endpoint());
        guard.check(uri, "endpoint");
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        boolean ssl = "smtps".equals(uri.getScheme());
        sender.setProtocol(ssl ? "smtps" : "smtp");
        sender.setHost(uri.getHost());
        sender.setPort(uri.getPort() > 0 ? uri.getPort() : ssl ? 465 : 25);
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        secrets.value(channel.credentialEnv()).ifPresent(sender::setUsername);
        secrets.value(channel.secretEnv()).ifPresent(sender::setPassword);
        Properties props = sender.getJavaMailProperties();
        String p = "mail." + sender.getProtocol() + ".";
        props.put(p + "auth", String.valueOf(sender.getUsername() != null));
        props.put(p + "starttls.enable", "true");
        props.put(p + "connectiontimeout", "5000");
        props.put(p + "timeout", "10000");
        props.put(p + "writetimeout", "10000");
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(channel.appId() == null ? "lantern@localhost" : channel.appId());
            helper.setTo(to);
            helper.setSubject(message.title());
            String link = message.url() == null ? "" : "\n\n" + message.openLabel() + ": " + message.url();
            String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h2>"
                    + MessageText.escapeHtml(message.title())
                    + "</h2>" + MessageText.html(message.markdown())
                    + (message.url() == null
                            ? ""
                            : "<p><a href=\"" + MessageText.escapeHtml(message.url()) + "\">"
                                    + MessageText.escapeHtml(message.openLabel()) + "</a></p>")
                    + "</body></html>";
            helper.setText(MessageText.plain(message.markdown()) + link, html);
            sender.send(mime);
            return SendResult.delivered("250", "accepted by " + uri.getHost());
        } catch (MailAuthenticationException e) {
            return SendResult.failed("535", "SMTP authentication failed");
        } catch (MailSendException e) {
            return SendResult.retry("smtp", String.valueOf(e.getMessage()));
        } catch (MailException | MessagingException e) {
            return SendResult.retry("smtp", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
