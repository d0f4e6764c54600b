/**
 * How far ahead of the server's clock a reported time (an arrival, a return, a checkpoint pass, a
 * truck's departure, a push-list row) may lie before it is refused as "in the future": one hour.
 * A local choice, no seed sets it: the clocks of phones and checkpoint devices drift from the
 * server's by minutes, sometimes more after a battery change or a manual setting; an hour absorbs
 * that, while a time further ahead is a typing error or a report made too early.
 */
export const FUTURE_TOLERANCE_MS = 60 * 60_000;

/**
 * How far ahead of the server's clock a lab's result time may lie: five minutes. A local choice:
 * a lab's instruments and LIS are on managed clocks, so more than a few minutes ahead is an error
 * in the file, not drift.
 */
export const LAB_CLOCK_SLACK_MS = 5 * 60_000;
