/**
 * ISO-4: the symptoms a health reading asks about, among those the plans list for COVID-19 (fever,
 * dry cough, fatigue, …); any one makes a reading abnormal. No imports: the public self-report page
 * reads this list.
 */
export const SYMPTOMS = [
  'fever',
  'cough',
  'sore_throat',
  'fatigue',
  'diarrhoea',
  'smell_taste_loss',
  'shortness_of_breath',
  'muscle_pain',
  'runny_nose',
  'conjunctivitis',
] as const;
