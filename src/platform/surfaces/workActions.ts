import { WORK_SUBJECTS } from './contributions.js';
import type { Text, WorkAction } from './types.js';

/** Where an item no module resolves is worked: the deadlines list of its rule, which can mark it done. */
function deadlinesPage(ruleId: string): WorkAction {
  return {
    label: { zh: '到待办与时限办理', en: 'Work it in the deadlines list' },
    href: `/deadlines?ruleId=${encodeURIComponent(ruleId)}`,
  };
}

/** The one action that closes an open item, as the module owning its subject type knows it. */
export function workAction(item: {
  ruleId: string;
  subjectType: string;
  kind: string;
  subjectId: string;
  personId: string | null;
}): WorkAction {
  for (const subject of WORK_SUBJECTS) {
    if (subject.subjectType !== item.subjectType) continue;
    const action = subject.action(item);
    if (action) return action;
  }
  return deadlinesPage(item.ruleId);
}

const LEADING_SEPARATORS = /^[\s:：,，、;；-]+/u;

/**
 * A title as a list that already shows the person's name reads it: a title that starts with the
 * name ("张三经批准离开……") drops it, so the row does not say it twice.
 */
export function withoutName(title: Text, name: string | undefined): Text {
  if (!name) return title;
  const strip = (text: string) => {
    if (!text.startsWith(name)) return text;
    const rest = text.slice(name.length).replace(LEADING_SEPARATORS, '');
    return rest || text;
  };
  return { zh: strip(title.zh), en: strip(title.en) };
}
