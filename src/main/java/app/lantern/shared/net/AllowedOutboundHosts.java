package app.lantern.shared.net;

import java.util.Set;

/**
 * Hosts an administrator allowed although they are internal; every bean of this type feeds the one
 * {@link OutboundGuard}. Spellings are lower case without brackets ({@code 127.0.0.1}, {@code ::1},
 * {@code smtp.intranet.example}); an allowed spelling does not allow other spellings of the same address.
 */
public interface AllowedOutboundHosts {

    Set<String> hosts();
}
