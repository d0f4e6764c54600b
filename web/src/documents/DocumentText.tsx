import { Popover, Typography } from 'antd';
import { type CSSProperties, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span } from '../../../src/rules/policy/citations';
import { useLanguage } from '../i18n/useLanguage';
import type { Citation } from './api';
import { citingItems } from './citationLabel';
import { clauseText } from './clause';

interface Segment {
  start: number;
  end: number;
  citations: Citation[];
  target: boolean;
}

/** The text cut where any highlight starts or ends, each piece knowing who cites it. */
function segments(length: number, citations: readonly Citation[], target: readonly Span[]): Segment[] {
  const cuts = new Set([0, length]);
  for (const span of [...citations.flatMap((c) => c.spans), ...target]) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= length).sort((a, b) => a - b);
  const inside = (span: Span, start: number, end: number) => span.start <= start && end <= span.end;
  return points.slice(0, -1).map((start, i) => {
    const end = points[i + 1] ?? length;
    return {
      start,
      end,
      citations: citations.filter((c) => c.spans.some((span) => inside(span, start, end))),
      target: target.some((span) => inside(span, start, end)),
    };
  });
}

const cited: CSSProperties = { background: '#fff1b8', padding: 0, cursor: 'pointer', borderRadius: 2 };
const targeted: CSSProperties = { ...cited, background: '#ffd666', outline: '2px solid #faad14' };

function CitedBy({ citations }: { citations: readonly Citation[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }} data-testid="document-cited-by">
      {citingItems(t, language, citations).map((line) => (
        <li key={line.key}>
          <div>{line.pack}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {clauseText(t, line.citation.section)} · {line.item}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

interface DocumentTextProps {
  text: string;
  citations: readonly Citation[];
  /** The passage asked for (`?cite=…&q=…`): emphasised and scrolled to. */
  target: readonly Span[];
}

/** A document's full text as written, the passages packs quote shaded, each telling who cites it. */
export function DocumentText({ text, citations, target }: DocumentTextProps) {
  const { t } = useTranslation();
  const pieces = useMemo(() => segments(text.length, citations, target), [text, citations, target]);
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (target.length > 0) first.current?.scrollIntoView({ block: 'center' });
  }, [target]);
  let anchored = false;
  return (
    <div
      style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15, overflowWrap: 'anywhere' }}
      data-testid="document-text"
    >
      {pieces.map((piece) => {
        const words = text.slice(piece.start, piece.end);
        if (piece.citations.length === 0 && !piece.target) return <span key={piece.start}>{words}</span>;
        const anchor = piece.target && !anchored;
        if (anchor) anchored = true;
        const mark = (
          <mark
            ref={
              anchor
                ? (node) => {
                    first.current = node;
                  }
                : undefined
            }
            style={piece.target ? targeted : cited}
            data-testid={piece.target ? 'document-target' : 'document-cited'}
          >
            {words}
          </mark>
        );
        if (piece.citations.length === 0) return <span key={piece.start}>{mark}</span>;
        return (
          <Popover
            key={piece.start}
            title={t('documents.detail.citedBy')}
            content={<CitedBy citations={piece.citations} />}
            trigger={['hover', 'click']}
          >
            {mark}
          </Popover>
        );
      })}
    </div>
  );
}
