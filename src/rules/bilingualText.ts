/**
 * A text written in both languages in one string, Chinese first: "中文理由。English reason." This is
 * how packs write an assumption's `reason` (one YAML scalar per item), and how the engine writes its
 * default readings. A page shows only the part of its own language (DESIGN, "Words users read": no
 * English on Chinese pages). Pure, shared by the server's tests and the web.
 */
export interface BilingualText {
  zh: string;
  en: string;
}

/**
 * Where the English may begin: after a Chinese sentence end (。；！？ or a full-width closing bracket),
 * white space allowed, an English sentence starts: a capital letter, perhaps after an opening quote
 * or bracket ("A short time" …), or a clause sign and its number (§13 lists …).
 */
const ENGLISH_START = /[。；！？）]\s*(?=["'“‘(]?[A-Z]|§\s?\d)/gu;
const LATIN = /[A-Za-z]/gu;
const HAN = /\p{Script=Han}/gu;

/**
 * The rest of the text is English: no Chinese sentence end, and more Latin letters than Chinese
 * characters. The Chinese part may hold ASCII words (同 WHO 与国家做法) and the English part a
 * Chinese term it explains ("入盘"), so neither script alone tells the parts apart.
 */
function isEnglish(rest: string): boolean {
  if (rest.includes('。')) return false;
  return (rest.match(LATIN)?.length ?? 0) > (rest.match(HAN)?.length ?? 0);
}

/**
 * The Chinese and English parts of a bilingual text. A text in one language only is both parts:
 * shown as written rather than not at all.
 */
export function splitBilingual(text: string): BilingualText {
  for (const match of text.matchAll(ENGLISH_START)) {
    const end = match.index + 1;
    const rest = text.slice(end).trim();
    if (isEnglish(rest)) return { zh: text.slice(0, end).trim(), en: rest };
  }
  return { zh: text.trim(), en: text.trim() };
}

/** The part of a bilingual text for a UI language ('zh-CN', 'en'); Chinese unless English is asked. */
export function bilingualPart(text: string, language: string): string {
  const parts = splitBilingual(text);
  return language === 'en' ? parts.en : parts.zh;
}
