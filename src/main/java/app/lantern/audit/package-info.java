/**
 * The tamper-evident audit log: every business change, login and configuration change, hash-chained, verifiable,
 * shown as a record's history; and security events, the refused attempts every module reports through
 * {@link app.lantern.audit.SecurityEvents}, aggregated so they cannot flood. Depends only on {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.lantern.audit;
