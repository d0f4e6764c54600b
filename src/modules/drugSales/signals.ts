import type { SignalFeed, SignalMeasure } from '../../platform/signals/types.js';
import { DRUG_CLASSES, type DrugClass } from '../../rules/drugSales.js';

/*
 * MON-4 signals of the four-class drug sales feed (MON-2): sales per jurisdiction unit and local day,
 * all four classes together ('sales', a sale counted once however many classes it holds) and one
 * series per class. Parameters (see SignalMeasure): $1 first local day, $2 last local day, $3 code
 * length of the rule's level, $4 time zone, $5 root jurisdiction. Read through the table's
 * (jurisdiction_code, sold_at) index.
 */
const salesSeries = (where = 'true') => `
  SELECT left(jurisdiction_code, $3::int) AS jurisdiction_code, NULL::text AS site_id,
    (sold_at AT TIME ZONE $4::text)::date AS day, count(*)::bigint AS value
  FROM drug_sales
  WHERE jurisdiction_code ^@ $5::text AND ${where}
    AND sold_at >= ($1::date::timestamp AT TIME ZONE $4::text)
    AND sold_at < (($2::date + 1)::timestamp AT TIME ZONE $4::text)
  GROUP BY 1, 3`;

const CLASS_LABELS: Record<DrugClass, { zh: string; en: string }> = {
  antipyretic: { zh: '退热类药品销售人次', en: 'Antipyretic sales' },
  antitussive: { zh: '止咳类药品销售人次', en: 'Antitussive sales' },
  antiviral: { zh: '抗病毒类药品销售人次', en: 'Antiviral sales' },
  antibiotic: { zh: '抗生素类药品销售人次', en: 'Antibiotic sales' },
};

/** The drugSales module's daily series for the multi-point triggers (MON-4). */
export const drugSalesSignals: SignalFeed = [
  {
    feed: 'drug_sales',
    measure: 'sales',
    label: { zh: '四类药品销售人次', en: 'Four-class drug sales' },
    unit: 'jurisdiction',
    dailySql: salesSeries(),
  },
  ...DRUG_CLASSES.map(
    (drugClass): SignalMeasure => ({
      feed: 'drug_sales',
      measure: drugClass,
      label: CLASS_LABELS[drugClass],
      unit: 'jurisdiction',
      dailySql: salesSeries(`'${drugClass}' = ANY(classes)`),
    }),
  ),
];
