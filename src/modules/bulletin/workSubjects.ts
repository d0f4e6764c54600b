import type { WorkSubject } from '../../platform/surfaces/types.js';
import { CONFERENCE_KIND, CONFERENCE_SUBJECT } from './conferences.js';

/** The actions that close the bulletin module's open deadlines on "my work": CAS-5's press conference. */
export const bulletinWorkSubjects: readonly WorkSubject[] = [
  {
    subjectType: CONFERENCE_SUBJECT,
    action: ({ kind }) =>
      kind === CONFERENCE_KIND
        ? { label: { zh: '登记新闻发布会', en: 'Record the press conference' }, href: '/bulletin#conference' }
        : null,
  },
];
