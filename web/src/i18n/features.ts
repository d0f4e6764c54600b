/**
 * Messages that belong to one feature live beside it (web/src/<feature>/i18n/{zh-CN,en}.json) and
 * join here under the feature's key: import both files, pair them (`pair` fails to compile when the
 * two languages' keys differ), and add the feature to both sides below.
 */
function pair<T>(zh: T, en: NoInfer<T>) {
  return { zh, en };
}

export const FEATURE_MESSAGES = {
  zh: {},
  en: {},
};
export { pair };
