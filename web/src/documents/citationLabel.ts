import type { TFunction } from 'i18next';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';
import type { Citation } from './api';

const ITEMS = [
  'source',
  'phases',
  'tests',
  'restrictions',
  'requirements',
  'reading',
  'coarseOrigin',
  'treatAsHighRisk',
  'adjustments',
  'routineTesting',
  'routineTestingFrom',
] as const;
type Item = (typeof ITEMS)[number];
const isItem = (item: string): item is Item => (ITEMS as readonly string[]).includes(item);

/** What a citation is for, in words: "入境人员“14+7”：检测", "政策包总体依据", "按高风险地区对待的城市". */
export function citationItem(t: TFunction, language: Language, citation: Citation): string {
  const item = t(`documents.items.${isItem(citation.item) ? citation.item : 'other'}`);
  if (citation.protocolTitle) {
    const protocol = pickText(language, citation.protocolTitle.zh, citation.protocolTitle.en);
    return t('documents.citation.protocolItem', { protocol, item });
  }
  return citation.item === 'source' ? t('documents.citation.packOwn') : item;
}

/** One line per pack item: the same item in several versions of a pack is one line naming them all. */
export interface CitingItem {
  key: string;
  pack: string;
  item: string;
  citation: Citation;
}

export function citingItems(t: TFunction, language: Language, citations: readonly Citation[]): CitingItem[] {
  const byItem = new Map<string, { versions: string[]; citation: Citation }>();
  for (const citation of citations) {
    const key = `${citation.packId}|${citation.path}|${citation.quote ?? ''}`;
    const entry = byItem.get(key) ?? { versions: [], citation };
    if (!entry.versions.includes(citation.packVersion)) entry.versions.push(citation.packVersion);
    byItem.set(key, entry);
  }
  return [...byItem.entries()].map(([key, { versions, citation }]) => ({
    key,
    pack: t('documents.citation.pack', {
      title: pickText(language, citation.packTitle.zh, citation.packTitle.en),
      version: versions.join(language === 'en' ? ', ' : '、'),
    }),
    item: citationItem(t, language, citation),
    citation,
  }));
}
