import { BookOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../src/rules/policy/types';

interface SourceCitationProps {
  source: Source | undefined;
  assumption?: boolean | undefined;
  reason?: string | undefined;
  /** Show the quote and the assumption's reason as text (pack pages), not only in tooltips. */
  detailed?: boolean;
}

/** Where an item comes from (seed, section, quote) and, when the pack assumed it, why (ARR-1 … ARR-10). */
export function SourceCitation({ source, assumption, reason, detailed = false }: SourceCitationProps) {
  const { t } = useTranslation();
  if (!source) return null;
  const label = `${t('policy.source.seed', { seed: source.document })} ${source.section}`;
  const tip = (
    <div>
      <div>{label}</div>
      {source.quote ? <div>“{source.quote}”</div> : null}
      {assumption && reason && !detailed ? (
        <div>
          {t('policy.source.reason')}: {reason}
        </div>
      ) : null}
    </div>
  );
  return (
    <Space orientation="vertical" size={2} style={{ maxWidth: '100%' }}>
      <Space size={4} wrap>
        <Tooltip title={tip}>
          <Tag icon={<BookOutlined />} data-testid="source-citation" style={{ marginInlineEnd: 0 }}>
            {label}
          </Tag>
        </Tooltip>
        {assumption ? (
          <Tooltip title={detailed ? undefined : reason}>
            <Tag color="gold" data-testid="assumption-badge" style={{ marginInlineEnd: 0 }}>
              {t('policy.source.assumption')}
            </Tag>
          </Tooltip>
        ) : null}
      </Space>
      {detailed && source.quote ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="source-quote">
          “{source.quote}”
        </Typography.Text>
      ) : null}
      {detailed && assumption && reason ? (
        <Typography.Text style={{ fontSize: 12 }} data-testid="assumption-reason">
          {t('policy.source.reason')}: {reason}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
