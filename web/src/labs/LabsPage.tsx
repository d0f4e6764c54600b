import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { useMe, usePermission } from '../session/useSession';
import { type Lab, labKeys, listLabs } from './api';
import { CapacityTargets } from './CapacityTargets';
import { LabFormDrawer } from './LabFormDrawer';
import { LabTable } from './LabTable';
import { QcRecords } from './QcRecords';

/** TST-9/TST-10: lab registry, capacity against dated targets, and QC records; writes need testing.lab. */
export default function LabsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = usePermission('testing.lab');
  const ownScope = me.scopes.find((code) => code.length >= 2);
  const [jurisdiction, setJurisdiction] = useState<string | undefined>(ownScope);
  const [editing, setEditing] = useState<Lab | 'new' | null>(null);
  const [qcLabId, setQcLabId] = useState<string>();
  const qcRef = useRef<HTMLDivElement>(null);
  const labs = useQuery({ queryKey: labKeys.list(jurisdiction), queryFn: () => listLabs(jurisdiction) });
  const chosenQcLab = qcLabId ?? labs.data?.[0]?.id;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} className="page-title">
          {t('labs.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('labs.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Form layout="vertical">
          <Form.Item label={t('labs.jurisdiction')} style={{ marginBottom: 0, maxWidth: 420 }}>
            <JurisdictionTreeSelect<string>
              value={jurisdiction}
              onChange={(code) => {
                setJurisdiction(code || undefined);
                setQcLabId(undefined);
              }}
              data-testid="labs-jurisdiction"
            />
          </Form.Item>
        </Form>
      </Card>
      {labs.error ? <ProblemAlert error={labs.error} /> : null}
      <LabTable
        labs={labs.data}
        loading={labs.isFetching}
        canEdit={canEdit}
        onCreate={() => setEditing('new')}
        onEdit={setEditing}
        onQc={(lab) => {
          setQcLabId(lab.id);
          qcRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }}
      />
      {jurisdiction ? (
        <CapacityTargets jurisdiction={jurisdiction} canEdit={canEdit} />
      ) : (
        <Alert type="info" showIcon title={t('labs.pickJurisdiction')} data-testid="capacity-targets" />
      )}
      <div ref={qcRef}>
        <QcRecords labs={labs.data ?? []} labId={chosenQcLab} onLab={setQcLabId} canEdit={canEdit} />
      </div>
      <LabFormDrawer lab={editing} defaultJurisdiction={jurisdiction} onClose={() => setEditing(null)} />
    </Space>
  );
}
