import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { CASE_CLASSES, type CaseClass, ORIGINS } from '../../rules/bulletin.js';
import { CONFERENCE_SUBJECT } from './conferences.js';
import { figuresOfDates } from './figures.js';

const CLASS_LABELS: Record<CaseClass, { zh: string; en: string }> = {
  confirmed: { zh: '确诊病例', en: 'confirmed cases' },
  asymptomatic: { zh: '无症状感染者', en: 'asymptomatic infections' },
  suspected: { zh: '疑似病例', en: 'suspected cases' },
};

/**
 * What the bulletin's "new" counts (CAS-5): a case enters the class it holds at the day's end, so a
 * case reported on an earlier day and reclassified today is new today. The cases tile counts only
 * the cases reported today; these notes keep the two from reading as the same figure.
 */
const NEW_NOTES: Record<CaseClass, { zh: string; en: string }> = {
  confirmed: { zh: '通报口径，含当日转确诊', en: 'bulletin count, incl. reclassified to confirmed today' },
  asymptomatic: { zh: '通报口径，含当日转为无症状', en: 'bulletin count, incl. reclassified today' },
  suspected: { zh: '通报口径', en: 'bulletin count' },
};

/**
 * CAS-5: today's new cases by class and the cumulative confirmed, as the day's bulletin reads them
 * (local and imported together), and the press conferences owed and not yet held. The bulletin counts
 * a case new on the day it entered the class it holds at the day's end, so a case reported earlier as
 * suspected (or asymptomatic) and confirmed today is today's new confirmed case (疫情通报口径); the
 * cases module's tile counts the cases reported today, by their class now. The labels say which.
 */
async function today(request: DashboardRequest): Promise<TileBody> {
  const { tx, jurisdiction: root, timeZone, now } = request;
  const date = request.days[request.days.length - 1] ?? '';
  const [day] = await figuresOfDates(tx, { code: root, name: '', timeZone }, [date]);
  const sum = (klass: CaseClass, pick: 'new' | 'cumulative') =>
    ORIGINS.reduce((n, origin) => n + (day?.cases[origin][klass][pick] ?? 0), 0);
  const page = drill('/bulletin', { jurisdiction: root, date });
  const [owed] = await tx.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $3)::int AS overdue FROM deadlines
     WHERE subject_type = $4 AND done_at IS NULL AND cancelled_at IS NULL
       AND jurisdiction_code >= $1 AND jurisdiction_code < $2`,
    [root, `${root}:`, now.toISOString(), CONFERENCE_SUBJECT],
  );
  return {
    figures: [
      ...CASE_CLASSES.map((klass) => {
        const value = sum(klass, 'new');
        return {
          key: `new.${klass}`,
          label: {
            zh: `今日新增${CLASS_LABELS[klass].zh}（${NEW_NOTES[klass].zh}）`,
            en: `New ${CLASS_LABELS[klass].en} today (${NEW_NOTES[klass].en})`,
          },
          value,
          drill: page,
          tone: value > 0 ? ('danger' as const) : ('normal' as const),
        };
      }),
      {
        key: 'cumulative.confirmed',
        label: { zh: '累计确诊病例', en: 'Confirmed cases in total' },
        value: sum('confirmed', 'cumulative'),
        drill: page,
      },
      {
        key: 'conferences.owed',
        label: { zh: '待召开新闻发布会', en: 'Press conferences owed' },
        value: owed?.open ?? 0,
        drill: drill('/deadlines', {
          state: 'pending',
          ruleId: 'CAS-5',
          subjectType: CONFERENCE_SUBJECT,
          jurisdiction: root,
        }),
        tone: (owed?.overdue ?? 0) > 0 ? 'danger' : (owed?.open ?? 0) > 0 ? 'warning' : 'normal',
      },
    ],
  };
}

/** The bulletin module's tiles on the situation dashboard. */
export const bulletinTiles: readonly DashboardTile[] = [
  {
    id: 'bulletin.today',
    order: 14,
    permission: 'case.read',
    title: { zh: '今日疫情通报数据', en: 'Today’s bulletin figures' },
    load: today,
  },
];
