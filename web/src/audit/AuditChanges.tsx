import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api';

function JsonBlock({
  title,
  value,
  testId,
}: {
  title: string;
  value: Record<string, unknown> | null;
  testId: string;
}) {
  if (value === null) return null;
  return (
    <Col xs={24} md={8}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-block" data-testid={testId}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </Col>
  );
}

/** The object's number, then the before/after snapshots and the detail of one audit entry, as recorded. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 8]}>
      {entry.entityId ? (
        <Col span={24}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.entityId')}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="audit-entity-id">
              {entry.entityId}
            </Typography.Text>
          </Typography.Text>
        </Col>
      ) : null}
      <JsonBlock title={t('audit.before')} value={entry.before} testId="audit-before" />
      <JsonBlock title={t('audit.after')} value={entry.after} testId="audit-after" />
      <JsonBlock title={t('audit.detail')} value={entry.detail} testId="audit-detail" />
    </Row>
  );
}
