package app.lantern.goal;

import app.lantern.shared.ValidationException;
import java.util.Locale;

/** Along which a target is split: into its finer periods, or among the teams or reps below its subject. */
public enum SplitDimension {
    TIME,
    ORG;

    /** The dimension named (any case); 400 naming {@code dimension} for anything else. */
    public static SplitDimension parse(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (SplitDimension d : values()) {
            if (d.name().equals(n)) {
                return d;
            }
        }
        throw ValidationException.field("dimension", "must be TIME or ORG");
    }
}
