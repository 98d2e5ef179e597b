/**
 * Goals reach every rep: revenue targets by year, quarter, month and ISO week for the company, teams and reps, their
 * decomposition (equal, weighted, by last year's share, by hand) with mismatches flagged, versioned and audited.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "identity", "audit", "calendar", "pipeline", "activity"})
package app.lantern.goal;
