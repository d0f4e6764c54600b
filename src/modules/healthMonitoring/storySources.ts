import type { StorySource } from '../../platform/surfaces/types.js';

const SYMPTOM_ZH: Record<string, string> = {
  fever: '发热',
  cough: '咳嗽',
  sore_throat: '咽痛',
  fatigue: '乏力',
  diarrhoea: '腹泻',
  smell_taste_loss: '嗅觉味觉减退',
  shortness_of_breath: '气促',
  muscle_pain: '肌肉酸痛',
  runny_nose: '流涕',
  conjunctivitis: '结膜炎',
};
const OUTCOME: Record<string, { zh: string; en: string }> = {
  reported_cdc: { zh: '已报告疾控机构', en: 'reported to the CDC' },
  fever_clinic: { zh: '已转送发热门诊', en: 'sent to a fever clinic' },
  recheck_normal: { zh: '复测正常', en: 'rechecked normal' },
};

/** ISO-4: the person's abnormal readings in isolation, and how each was handled. */
const abnormalReadings: StorySource = {
  id: 'monitoring',
  label: { zh: '隔离健康监测', en: 'Health monitoring' },
  permission: 'isolation.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<{
      stayId: string;
      recordedAt: Date;
      temperature: number;
      symptoms: string[];
      source: string;
      handleOutcome: string | null;
    }>(
      `SELECT stay_id AS "stayId", recorded_at AS "recordedAt", temperature::float8 AS temperature, symptoms, source,
         handle_outcome AS "handleOutcome"
       FROM monitoring_readings WHERE person_id = $1 AND abnormal ORDER BY recorded_at DESC LIMIT $2`,
      [personId, limit],
    );
    return rows.map((row) => {
      const outcome = row.handleOutcome ? OUTCOME[row.handleOutcome] : null;
      const zhSymptoms = row.symptoms.map((s) => SYMPTOM_ZH[s] ?? s).join('、');
      return {
        at: new Date(row.recordedAt).toISOString(),
        source: 'monitoring',
        title: {
          zh: `隔离期间健康监测异常：${row.temperature.toFixed(1)}℃${zhSymptoms ? `，${zhSymptoms}` : ''}`,
          en: `Abnormal reading in isolation: ${row.temperature.toFixed(1)} °C${row.symptoms.length ? `, ${row.symptoms.join(', ')}` : ''}`,
        },
        detail: {
          zh: `${row.source === 'self' ? '本人自报' : '工作人员测量'}；${outcome ? outcome.zh : '尚未处置'}`,
          en: `${row.source === 'self' ? 'Self-reported' : 'Measured by staff'}; ${outcome ? outcome.en : 'not yet handled'}`,
        },
        href: `/isolation/stays/${row.stayId}`,
        tone: outcome ? ('warning' as const) : ('danger' as const),
      };
    });
  },
};

export const monitoringStorySources: readonly StorySource[] = [abnormalReadings];
