/**
 * The outside world in and out: signed outbound webhooks on other modules' events (delivered from a database outbox
 * with retries, logged and replayable), {@code Idempotency-Key} for every creating API call, and WeCom external
 * contacts that become customers. Sits on top: it listens to the events of the modules below and calls their facades.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "identity", "audit", "customer", "pipeline", "quote", "alert"})
package app.lantern.integration;
