import en from './en.json';
import { FEATURE_MESSAGES } from './features';
import zhCN from './zh-CN.json';

/** Both files must hold the same keys: each assignment fails to compile when one lacks a key. */
const enHasEveryKey: typeof zhCN = en;
const zhHasEveryKey: typeof en = zhCN;

const zhMessages = { ...zhHasEveryKey, ...FEATURE_MESSAGES.zh };
const enMessages: typeof zhMessages = { ...enHasEveryKey, ...FEATURE_MESSAGES.en };

export const resources = {
  'zh-CN': { translation: zhMessages },
  en: { translation: enMessages },
} as const;

export type Messages = typeof zhMessages;
