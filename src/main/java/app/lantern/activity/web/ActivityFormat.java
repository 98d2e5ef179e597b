package app.lantern.activity.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Template helper ({@code @activityFormat}): numbers of the activity pages as a person reads them. */
@Component("activityFormat")
public class ActivityFormat {

    /** Hours with at most two decimals and no trailing zeros: {@code 0.85 h}, {@code 2 h}. */
    public String hours(double hours) {
        return BigDecimal.valueOf(hours)
                        .setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " h";
    }
}
