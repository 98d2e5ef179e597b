/**
 * Alert rules evaluated in working days: no new opportunity, stale stages, low health, missing daily reports, and
 * signals other modules raise (approval overdue, quotes expiring). One unresolved alert per rule and subject; at-risk
 * marks that clear themselves; the manager's alert board.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "identity",
            "audit",
            "calendar",
            "customer",
            "notification",
            "pipeline",
            "activity",
            "goal",
            "quote"
        })
package app.lantern.alert;
