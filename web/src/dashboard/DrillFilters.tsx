import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DrillFilter {
  /** The URL parameter (or parameters) the tag stands for. */
  key: string;
  label: ReactNode;
  onClear: () => void;
}

/**
 * The filters a list was opened with from a dashboard figure, as closable tags, so that the user
 * sees why the list is short and can widen it; nothing when no such filter is set.
 */
export function DrillFilters({ filters, onClearAll }: { filters: DrillFilter[]; onClearAll: () => void }) {
  const { t } = useTranslation();
  if (filters.length === 0) return null;
  return (
    <Flex wrap align="center" gap={8} style={{ marginBottom: 16 }} data-testid="drill-filters">
      <Typography.Text type="secondary">
        <FilterOutlined /> {t('dashboard.filters.title')}
      </Typography.Text>
      {filters.map((filter) => (
        <Tag
          key={filter.key}
          color="blue"
          closable
          onClose={(event) => {
            event.preventDefault();
            filter.onClear();
          }}
          data-testid="drill-filter"
          data-key={filter.key}
        >
          {filter.label}
        </Tag>
      ))}
      {filters.length > 1 ? (
        <Button type="link" size="small" onClick={onClearAll} data-testid="drill-filters-clear">
          {t('dashboard.filters.clearAll')}
        </Button>
      ) : null}
    </Flex>
  );
}
