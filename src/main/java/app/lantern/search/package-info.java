/**
 * One search box over the CRM: customers, contacts, opportunities and quotes in one result list, matched by Chinese
 * substring or pinyin initials ({@code hwkj} finds 华为科技).
 *
 * <p>Each module contributes its records through a {@link app.lantern.search.SearchSource} in its own package and
 * applies its own data scope there, so a result is always a record the reader may open. This module knows no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *"})
package app.lantern.search;
