package app.lantern.insight;

/** What a part of a gap to target is put down to. */
public enum Cause {
    /** Fewer new opportunities than the plan needed (市场线索不足). */
    LEAD_SHORTAGE,
    /** Conversion at a named stage below the team's (销售能力短板). */
    CAPABILITY,
    /** Value that slipped past month end because of approval waits, quote turnaround or stage dwell (流程卡点). */
    PROCESS,
    /** Deal size, and what the model cannot explain. */
    OTHER
}
