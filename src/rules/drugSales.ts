/**
 * MON-2 (004 §11): pharmacies, clinics and health centres register every sale of the four drug
 * classes — 退热、止咳、抗病毒、抗生素 — with the buyer's identity, and the county's medical-control
 * group follows each up ("追踪回访和核查处置").
 */
export const DRUG_CLASSES = ['antipyretic', 'antitussive', 'antiviral', 'antibiotic'] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

export const FOLLOW_UP_OUTCOMES = ['no_symptoms', 'referred', 'sampled', 'unreachable'] as const;

/** The words a till, a sheet or a person uses for each class. */
const CLASS_WORDS: Record<string, DrugClass> = {
  antipyretic: 'antipyretic',
  antitussive: 'antitussive',
  antiviral: 'antiviral',
  antibiotic: 'antibiotic',
  退热: 'antipyretic',
  退烧: 'antipyretic',
  解热: 'antipyretic',
  退热类: 'antipyretic',
  止咳: 'antitussive',
  止咳类: 'antitussive',
  抗病毒: 'antiviral',
  抗病毒类: 'antiviral',
  抗生素: 'antibiotic',
  抗生素类: 'antibiotic',
  抗菌: 'antibiotic',
};

/**
 * The classes named by `words` (each may list several, split by 、,，;；/ or spaces), in the
 * canonical order, each once; undefined when a word names no class or none is named.
 */
export function parseDrugClasses(words: readonly string[]): DrugClass[] | undefined {
  const found = new Set<DrugClass>();
  for (const word of words.flatMap((w) => w.split(/[、,，;；/\s]+/))) {
    const trimmed = word.trim().toLowerCase();
    if (trimmed === '') continue;
    const drugClass = CLASS_WORDS[trimmed];
    if (!drugClass) return undefined;
    found.add(drugClass);
  }
  if (found.size === 0) return undefined;
  return DRUG_CLASSES.filter((c) => found.has(c));
}

/**
 * MON-2 本地口径: the seed asks for follow-up without a time; a buyer with fever or a cough is
 * reached within 24 hours of the sale, while they can still be referred or sampled the same day.
 */
export const FOLLOW_UP_HOURS = 24;

/**
 * MON-2 本地口径 (assumption): a sale is registered "实时" (004 §11), so a till or a sheet may carry
 * sales of at most SALE_MAX_AGE_DAYS before the time of recording; an older date is a typing slip or
 * a hostile sheet (e.g. 2001), refused as a row error, not a late batch of follow-ups. 30 days covers
 * a month's paper register typed in late while keeping follow-up (within 24 hours) meaningful.
 */
export const SALE_MAX_AGE_DAYS = 30;

/** Whether `soldAt` lies more than SALE_MAX_AGE_DAYS before `now` (MON-2). */
export function saleTooOld(soldAt: Date, now: Date): boolean {
  return soldAt.getTime() < now.getTime() - SALE_MAX_AGE_DAYS * 86_400_000;
}

/**
 * When the follow-up of a sale is due: FOLLOW_UP_HOURS after the sale, or after it was recorded
 * when it was recorded later (a late batch), so that nothing is overdue when it is opened (MON-2).
 * An outlet's day is worked as one batch: the sale awaiting follow-up due first sets its pace.
 */
export function followUpDue(soldAt: Date, recordedAt: Date): Date {
  return new Date(Math.max(soldAt.getTime(), recordedAt.getTime()) + FOLLOW_UP_HOURS * 3_600_000);
}
