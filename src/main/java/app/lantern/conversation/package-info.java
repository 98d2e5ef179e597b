/**
 * Conversations that update the deal: a call transcript or note is extracted offline (objections, decision-chain
 * roles, commitments with working-calendar due dates, budget, competitors, summary), stored on an opportunity as a
 * draft, and lands on the deal only when the rep confirms it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "identity",
            "audit",
            "calendar",
            "customer",
            "pipeline",
            "activity"
        })
package app.lantern.conversation;
