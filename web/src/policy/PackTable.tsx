import { Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { Assignment, PackSummary } from './api';

interface PackTableProps {
  packs: PackSummary[];
  loading: boolean;
  governing: Assignment | null | undefined;
}

/** Every loaded pack version; the one governing the chosen jurisdiction is marked. */
export function PackTable({ packs, loading, governing }: PackTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const href = (pack: PackSummary) => `/policy/${pack.id}/${pack.version}`;
  const columns: TableColumnsType<PackSummary> = [
    {
      key: 'title',
      title: t('policy.columns.title'),
      render: (_, pack) => (
        <>
          <Link to={href(pack)} onClick={(event) => event.stopPropagation()}>
            {pickText(language, pack.titleZh, pack.titleEn)}
          </Link>
          {governing?.packId === pack.id && governing.packVersion === pack.version ? (
            <Tag color="green" style={{ marginInlineStart: 8 }} data-testid="pack-current">
              {t('policy.current')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'version',
      title: t('policy.columns.version'),
      render: (_, pack) => t('policy.detail.versionValue', { version: pack.version }),
    },
    { key: 'authority', title: t('policy.columns.authority'), dataIndex: 'authorityZh', responsive: ['md'] },
    {
      key: 'effective',
      title: t('policy.columns.effective'),
      responsive: ['sm'],
      render: (_, pack) =>
        pack.effectiveTo
          ? t('policy.effectiveRange', {
              from: formatDay(pack.effectiveFrom, language),
              to: formatDay(pack.effectiveTo, language),
            })
          : t('policy.effectiveFrom', { from: formatDay(pack.effectiveFrom, language) }),
    },
    { key: 'protocols', title: t('policy.columns.protocols'), dataIndex: 'protocols', responsive: ['sm'] },
    {
      key: 'loadedAt',
      title: t('policy.columns.loadedAt'),
      responsive: ['lg'],
      render: (_, pack) => formatDateTime(pack.loadedAt, language),
    },
  ];
  return (
    <Table<PackSummary>
      data-testid="pack-table"
      rowKey={(pack) => `${pack.id}@${pack.version}`}
      size="middle"
      columns={columns}
      dataSource={packs}
      loading={loading}
      scroll={{ x: 'max-content' }}
      rowClassName="clickable-row"
      onRow={(pack) => ({ ...rowTestId('pack-row'), onClick: () => navigate(href(pack)) })}
      pagination={false}
    />
  );
}
