/**
 * Notifications reach people where they are: in-app inbox, email, WeCom (group robot and application message),
 * DingTalk and Feishu robots. Callers store a message in their own transaction through
 * {@link app.lantern.notification.Notifications#send}; a delivery worker sends it through the recipient's channels
 * with retries, and the reach per channel is measured.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "identity", "audit"})
package app.lantern.notification;
