package app.lantern.goal;

/** What a target measures: signed amount (签约额, required) or collected amount (回款, optional). */
public enum TargetMetric {
    SIGNED,
    COLLECTED
}
