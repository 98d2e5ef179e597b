package app.lantern.shared.nav;

import java.util.List;

/**
 * One place on the navigation bar: a link, or a menu of the links that share a {@link NavItem#menuKey()}.
 *
 * @param labelKey message key of the menu's label (the item's own for a single link)
 * @param items    the links, in order; one for a plain link
 * @param active   the href of the link that covers the current page (null if none)
 */
public record NavEntry(String labelKey, List<NavItem> items, String active) {

    public boolean menu() {
        return items.size() > 1;
    }

    public NavItem first() {
        return items.getFirst();
    }

    public boolean isActive() {
        return active != null && items.stream().anyMatch(i -> i.href().equals(active));
    }

    public boolean isActive(NavItem item) {
        return item.href().equals(active);
    }
}
