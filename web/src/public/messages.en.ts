import { app, common, fieldErrors, header, persons } from '../i18n/en.json';
import publicLanding from './i18n/en.json';
import type { PUBLIC_ZH } from './messages';

/** The public forms' English messages (messages.ts), loaded when a traveller chooses English. */
export const PUBLIC_EN: typeof PUBLIC_ZH = { app, common, header, fieldErrors, persons, publicLanding };
