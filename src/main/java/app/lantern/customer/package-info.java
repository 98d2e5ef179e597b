/**
 * One customer, one profile: companies, contacts, one timeline over every source, Chinese-aware duplicate check
 * and merge, value tiers, import and export.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "identity", "audit", "calendar", "search"})
package app.lantern.customer;
