package app.lantern.pipeline;

import app.lantern.shared.Phrase;

/**
 * One factor of a health score, explained.
 *
 * @param value     what was measured, to be put into words ("9 天前", "2/4 角色")
 * @param ratio     0..1 share of the factor's weight earned
 * @param points    points earned (weight × ratio, normalised to 100 over all weights)
 * @param maxPoints points available
 * @param why       the rule that turned the value into points, to be put into words
 */
public record FactorResult(
        HealthFactor factor, Phrase value, double ratio, double points, double maxPoints, Phrase why) {

    public boolean weak() {
        return ratio < 0.5;
    }
}
