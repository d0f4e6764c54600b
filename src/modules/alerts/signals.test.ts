import { describe, expect, it } from 'vitest';
import { SIGNAL_MEASURES } from '../../platform/signals/feeds.js';
import { TRIGGER_SIGNALS } from '../../rules/policy/triggerSignals.js';

/**
 * MON-4: a pack's trigger rule may name only a feed and measure some feed module offers, with the
 * same kind of unit (src/rules/policy/triggerSignals.ts is checked against the registered signals),
 * so a rule the pack checks accepted is never skipped by the evaluator as naming nothing.
 */
describe('MON-4 the signals packs may name are the signals the feeds offer', () => {
  it.each(TRIGGER_SIGNALS.map((s) => [`${s.feed}/${s.measure}`, s] as const))(
    'MON-4 %s is offered',
    (_name, known) => {
      const offered = SIGNAL_MEASURES.find((m) => m.feed === known.feed && m.measure === known.measure);
      expect(offered?.unit).toBe(known.unit);
    },
  );

  it('MON-4 every offered series has one entry (no two feeds claim the same name)', () => {
    const names = SIGNAL_MEASURES.map((m) => `${m.feed}/${m.measure}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
