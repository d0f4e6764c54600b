import en from './en.json';
import zhCN from './zh-CN.json';

/** Both files must hold the same keys: each assignment fails to compile when one lacks a key. */
const enHasEveryKey: typeof zhCN = en;
const zhHasEveryKey: typeof en = zhCN;

export const resources = {
  'zh-CN': { translation: zhHasEveryKey },
  en: { translation: enHasEveryKey },
} as const;

export type Messages = typeof zhCN;
