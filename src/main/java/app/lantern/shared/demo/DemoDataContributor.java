package app.lantern.shared.demo;

/**
 * Adds a module's records to the demo organisation. Contributors run once, on the first start of a demo database,
 * in ascending {@link #order()}, each in its own transaction. Generation must be deterministic: seed every random
 * source from {@link DemoContext#seed()}.
 */
public interface DemoDataContributor {

    int order();

    void contribute(DemoContext context);
}
