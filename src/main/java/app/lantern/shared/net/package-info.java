/** Outbound network access: the SSRF guard every module's HTTP, SMTP and webhook calls pass. */
package app.lantern.shared.net;
