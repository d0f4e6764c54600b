import type { ParseKeys } from 'i18next';
import type { Role } from '../../../src/rules/roles';
import type { FeedPath, Site } from './api';

/** How a field of a feed is entered on the form. */
export type FieldKind = 'text' | 'int' | 'temperature' | 'datetime' | 'date' | 'bool' | 'enum' | 'symptoms';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  required: boolean;
  /** enum/symptoms: the codes; their words are sentinels.values.<key>.<code>. */
  options?: readonly string[];
}

export interface FeedSpec {
  path: FeedPath;
  /** The i18n key part: sentinels.feeds.<id>. */
  id: 'feverVisits' | 'schoolReports' | 'samples' | 'iliReports';
  siteKinds: ReadonlyArray<Site['kind']>;
  /** Roles whose entry page shows this feed (the server holds the same list). */
  roles: readonly Role[];
  fields: readonly FieldSpec[];
  /** Columns of the recent list besides the site (kept few for phones). */
  listed: readonly string[];
}

export const FEED_SPECS: readonly FeedSpec[] = [
  {
    path: 'fever-visits',
    id: 'feverVisits',
    siteKinds: ['fever_clinic'],
    roles: ['fever_clinic', 'hospital_reporter', 'cdc_epidemiologist', 'admin'],
    fields: [
      { key: 'visitNo', kind: 'text', required: true },
      { key: 'visitedAt', kind: 'datetime', required: true },
      { key: 'temperature', kind: 'temperature', required: true },
      {
        key: 'symptoms',
        kind: 'symptoms',
        required: false,
        options: ['fever', 'cough', 'sore_throat', 'fatigue', 'diarrhea', 'smell_taste_loss', 'dyspnea'],
      },
      { key: 'natSampled', kind: 'bool', required: true },
      {
        key: 'disposition',
        kind: 'enum',
        required: true,
        options: ['home', 'observation', 'admitted', 'transferred'],
      },
    ],
    listed: ['visitedAt', 'temperature', 'disposition'],
  },
  {
    path: 'school-reports',
    id: 'schoolReports',
    siteKinds: ['school'],
    roles: ['school_reporter', 'cdc_epidemiologist', 'admin'],
    fields: [
      { key: 'day', kind: 'date', required: true },
      { key: 'enrolled', kind: 'int', required: true },
      { key: 'absent', kind: 'int', required: true },
      { key: 'absentIllness', kind: 'int', required: true },
      { key: 'fever', kind: 'int', required: true },
      { key: 'respiratory', kind: 'int', required: true },
    ],
    listed: ['day', 'absent', 'absentIllness'],
  },
  {
    path: 'samples',
    id: 'samples',
    siteKinds: ['fever_clinic', 'hospital', 'market', 'cold_chain', 'port'],
    roles: ['cdc_epidemiologist', 'hospital_reporter', 'admin'],
    fields: [
      { key: 'sampleNo', kind: 'text', required: true },
      { key: 'kind', kind: 'enum', required: true, options: ['environment', 'goods'] },
      { key: 'item', kind: 'text', required: true },
      { key: 'sampledAt', kind: 'datetime', required: true },
      { key: 'result', kind: 'enum', required: true, options: ['pending', 'negative', 'positive'] },
      { key: 'resultedAt', kind: 'datetime', required: false },
    ],
    listed: ['sampledAt', 'item', 'result'],
  },
  {
    path: 'ili-reports',
    id: 'iliReports',
    siteKinds: ['hospital'],
    roles: ['hospital_reporter', 'fever_clinic', 'cdc_epidemiologist', 'admin'],
    fields: [
      { key: 'day', kind: 'date', required: true },
      { key: 'iliVisits', kind: 'int', required: true },
      { key: 'totalVisits', kind: 'int', required: true },
      { key: 'pneumoniaCases', kind: 'int', required: true },
    ],
    listed: ['day', 'iliVisits', 'pneumoniaCases'],
  },
];

/** The i18n key of a field's label (the keys are in ./i18n, one per field of FEED_SPECS). */
export const fieldLabelKey = (key: string) => `sentinels.fields.${key}` as ParseKeys;
/** The i18n key of a code's words (a disposition, a symptom, a sample kind or result). */
export const valueKey = (field: string, code: string) => `sentinels.values.${field}.${code}` as ParseKeys;
/** The i18n key of a site kind's words. */
export const siteKindKey = (kind: Site['kind']) => `sentinels.sites.kinds.${kind}` as const;
