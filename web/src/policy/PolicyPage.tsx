import { ApartmentOutlined, DiffOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { useMe, usePermission } from '../session/useSession';
import { AssignPackModal } from './AssignPackModal';
import { fetchAssignments, fetchPacks, policyKeys } from './api';
import { GoverningPack } from './GoverningPack';
import { LoadPackModal } from './LoadPackModal';
import { PackTable } from './PackTable';

/** Loaded pack versions, the one in force here, and (policy.admin) loading, assigning and impact. */
export default function PolicyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const isAdmin = usePermission('policy.admin');
  const [jurisdiction, setJurisdiction] = useState<string | undefined>(me.scopes[0]);
  const [dialog, setDialog] = useState<'load' | 'assign' | null>(null);
  const packs = useQuery({ queryKey: policyKeys.packs, queryFn: fetchPacks });
  const assignments = useQuery({
    queryKey: policyKeys.assignments(jurisdiction ?? ''),
    queryFn: () => fetchAssignments(jurisdiction ?? ''),
    enabled: Boolean(jurisdiction),
  });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('policy.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<DiffOutlined />}
            onClick={() => navigate('/policy/impact')}
            data-testid="policy-impact"
          >
            {t('policy.actions.impact')}
          </Button>
          {isAdmin ? (
            <>
              <Button
                icon={<ApartmentOutlined />}
                onClick={() => setDialog('assign')}
                data-testid="policy-assign"
              >
                {t('policy.actions.assign')}
              </Button>
              <Button
                type="primary"
                icon={<UploadOutlined />}
                onClick={() => setDialog('load')}
                data-testid="policy-load"
              >
                {t('policy.actions.load')}
              </Button>
            </>
          ) : null}
        </Space>
      </Flex>
      <GoverningPack
        jurisdiction={jurisdiction}
        onJurisdiction={setJurisdiction}
        data={jurisdiction ? assignments.data : undefined}
        packs={packs.data}
        error={assignments.error}
      />
      <Typography.Title level={4}>{t('policy.packs')}</Typography.Title>
      {packs.error ? <ProblemAlert error={packs.error} /> : null}
      <PackTable
        packs={packs.data ?? []}
        loading={packs.isFetching}
        governing={assignments.data?.governing}
      />
      {isAdmin ? (
        <>
          <LoadPackModal open={dialog === 'load'} onClose={() => setDialog(null)} />
          <AssignPackModal
            open={dialog === 'assign'}
            onClose={() => setDialog(null)}
            packs={packs.data ?? []}
            jurisdiction={jurisdiction}
          />
        </>
      ) : null}
    </>
  );
}
