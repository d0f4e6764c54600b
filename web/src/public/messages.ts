import { app, common, fieldErrors, header, persons } from '../i18n/zh-CN.json';
import publicLanding from './i18n/zh-CN.json';

/**
 * The Chinese messages the public forms use, and no others: a phone scanning a QR code downloads
 * these instead of every feature's (the staff app's resources.ts). Named imports, so the bundle holds
 * only these parts of the shared file. English comes when chosen (messages.en.ts), the truck form's
 * own with it (TruckReport.tsx).
 */
export const PUBLIC_ZH = { app, common, header, fieldErrors, persons, publicLanding };
