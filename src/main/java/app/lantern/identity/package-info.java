/**
 * Who is who: users, teams as a tree with leaders, roles, data scopes, sign-in and API tokens. Every module asks
 * {@link app.lantern.identity.DataScopes} before reading or writing a record.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "audit"})
package app.lantern.identity;
