import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImpactPreview, PackSummary } from './api';
import { ImpactTable, ImpactTotals } from './ImpactTable';
import { packName } from './impactText';

/**
 * A preview as a commander reads it (issue 12 Deliver 3, 4): the totals, the boundary (jurisdictions
 * below with their own pack, left untouched), the plans left to the version in force on their date,
 * and per person what changes, what they have done and what they will owe.
 */
export function ImpactPreviewResult({
  preview,
  packs,
}: {
  preview: ImpactPreview;
  packs: readonly PackSummary[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="impact-preview-result">
      <ImpactTotals preview={preview} />
      {preview.boundary.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="impact-boundary"
          title={t('policy.impact.boundaryTitle')}
          description={preview.boundary.map((b) => (
            <div key={b.jurisdictionCode} data-testid="impact-boundary-item">
              {t('policy.impact.boundaryItem', {
                place: b.jurisdictionName ?? b.jurisdictionCode,
                pack: packName(t, packs, b.packId, b.packVersion),
                count: b.plans,
              })}
            </div>
          ))}
        />
      ) : null}
      {preview.outsideWindow > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="impact-outside-window"
          title={t('policy.impact.outsideWindow', { count: preview.outsideWindow })}
        />
      ) : null}
      {preview.unchanged > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="impact-unchanged"
          title={t('policy.impact.unchangedNote', { count: preview.unchanged })}
        />
      ) : null}
      <ImpactTable changes={preview.changes} />
    </Space>
  );
}
