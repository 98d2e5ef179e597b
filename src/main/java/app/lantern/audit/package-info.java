/**
 * The tamper-evident audit log: every business change, login and configuration change, hash-chained, verifiable,
 * shown as a record's history. Depends only on {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.lantern.audit;
