import zhCN from './i18n/zh-CN.json';

type AreaFieldCode = keyof typeof zhCN.fieldErrors;
const AREA_CODES = Object.keys(zhCN.fieldErrors) as AreaFieldCode[];

/** The registry's own field codes (ZON-5), worded from this feature's messages with the field's label. */
export const AREA_CODE_KEYS = Object.fromEntries(
  AREA_CODES.map((code) => [code, `riskAreas.fieldErrors.${code}` as const]),
);
