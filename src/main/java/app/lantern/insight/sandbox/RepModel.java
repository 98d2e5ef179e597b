package app.lantern.insight.sandbox;

/**
 * One rep's fitted model at a point in time (see ADR 0011): the win rate's Beta posterior, the Gamma posterior of new
 * opportunities per day, the Gamma deal size and cycle, and the deals open now with their age. Time is in days.
 *
 * @param signed       already signed in the window being forecast
 * @param openAmounts  open opportunities' amounts (the average deal where an amount is missing)
 * @param openAgeDays  the same opportunities' age at the point in time
 * @param openWinRates the same opportunities' chance of being won given that they are still open at their age (deals
 *                     lost early have dropped out), the rep's win rate where history says nothing
 */
record RepModel(
        long repId,
        double signed,
        double winAlpha,
        double winBeta,
        double leadShape,
        double leadRate,
        double amountShape,
        double amountMean,
        double cycleShape,
        double cycleMeanDays,
        double[] openAmounts,
        double[] openAgeDays,
        double[] openWinRates) {

    /** The posterior mean win rate. */
    double winRate() {
        return winAlpha / (winAlpha + winBeta);
    }

    /** The posterior mean of new opportunities per day. */
    double leadsPerDay() {
        return leadRate <= 0 ? 0 : leadShape / leadRate;
    }
}
