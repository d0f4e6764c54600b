import type { StorySource } from '../../platform/surfaces/types.js';
import type { DrugClass } from '../../rules/drugSales.js';

const CLASS_WORDS: Record<DrugClass, { zh: string; en: string }> = {
  antipyretic: { zh: '退热', en: 'antipyretic' },
  antitussive: { zh: '止咳', en: 'antitussive' },
  antiviral: { zh: '抗病毒', en: 'antiviral' },
  antibiotic: { zh: '抗生素', en: 'antibiotic' },
};

const OUTCOME_WORDS: Record<string, { zh: string; en: string }> = {
  no_symptoms: { zh: '回访：无症状', en: 'Followed up: no symptoms' },
  referred: { zh: '回访：已引导至发热门诊', en: 'Followed up: referred to a fever clinic' },
  sampled: { zh: '回访：已采样', en: 'Followed up: sampled' },
  unreachable: { zh: '回访：未联系上', en: 'Followed up: unreachable' },
};

/**
 * MON-2: the four-class drugs a person bought, matched to them by the keyed hash of the ID number
 * (a sale is never linked to a person record). Only for roles that read the sentinel feeds; the
 * pharmacy that sold learns nothing of the person from it.
 */
const drugPurchases: StorySource = {
  id: 'drugSales',
  label: { zh: '四类药品购药', en: 'Four-class drug purchases' },
  permission: 'sentinel.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<{
      soldAt: Date;
      outlet: string;
      classes: DrugClass[];
      outcome: string | null;
    }>(
      `SELECT s.sold_at AS "soldAt", o.name AS outlet, s.classes, s.follow_up_outcome AS outcome
       FROM persons p JOIN drug_sales s ON s.id_hash = p.id_hash JOIN drug_outlets o ON o.id = s.outlet_id
       WHERE p.id = $1 ORDER BY s.sold_at DESC LIMIT $2`,
      [personId, limit],
    );
    return rows.map((row) => {
      const words = row.classes.map((c) => CLASS_WORDS[c]);
      return {
        at: new Date(row.soldAt).toISOString(),
        source: 'drugSales',
        title: {
          zh: `在${row.outlet}购买${words.map((w) => w.zh).join('、')}类药品`,
          en: `Bought ${words.map((w) => w.en).join(', ')} drugs at ${row.outlet}`,
        },
        detail: row.outcome
          ? (OUTCOME_WORDS[row.outcome] ?? null)
          : { zh: '待回访', en: 'Awaiting follow-up' },
        href: '/drug-sales?state=all',
        tone: row.outcome === 'referred' || row.outcome === 'sampled' ? 'warning' : 'normal',
      };
    });
  },
};

/** What the drugSales module adds to a person's story. */
export const drugSalesStorySources: readonly StorySource[] = [drugPurchases];
