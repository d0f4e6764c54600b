import { describe, expect, it } from 'vitest';
import { SIGNAL_MEASURES } from '../../src/platform/signals/feeds.js';
import { TRIGGER_SIGNALS } from '../../src/rules/policy/triggerSignals.js';

/**
 * MON-4: a pack's trigger rule may name only a series a feed offers. The pack check is pure and holds
 * its own list (src/rules/policy/triggerSignals.ts); it must equal what the feed modules register,
 * or a pack could name a series nothing counts (an alert that can never fire) or refuse one that exists.
 */
describe('MON-4 the feeds and measures packs may name are those the feeds offer', () => {
  it('MON-4 the pack check’s list equals the registered signals, unit for unit', () => {
    const key = (s: { feed: string; measure: string; unit: string }) =>
      `${s.feed}/${s.measure} per ${s.unit}`;
    expect(TRIGGER_SIGNALS.map(key).sort()).toEqual(SIGNAL_MEASURES.map(key).sort());
  });
});
