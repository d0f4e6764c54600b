import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { requiredRule } from '../persons/formRules';
import { useMe, usePermission } from '../session/useSession';
import {
  applyImpact,
  fetchPacks,
  type ImpactRequest,
  packKey,
  policyKeys,
  previewImpact,
  splitPackKey,
} from './api';
import { ImpactPreviewResult } from './ImpactPreviewResult';
import { packName } from './impactText';

interface ImpactValues {
  pack?: string;
  jurisdictionCode?: string;
}

/**
 * Preview how assigning a pack version changes the active plans it governs, per person (what they
 * have done, what they will owe), then apply it (audited; issue 12 Deliver 3, 4, 7).
 */
export default function ImpactPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const me = useMe();
  const isAdmin = usePermission('policy.admin');
  const [form] = Form.useForm<ImpactValues>();
  const [request, setRequest] = useState<ImpactRequest | null>(null);
  const place = useJurisdictionName(request?.jurisdictionCode);
  const packs = useQuery({ queryKey: policyKeys.packs, queryFn: fetchPacks });
  const preview = useMutation({ mutationFn: previewImpact });
  const apply = useMutation({ mutationFn: applyImpact });

  const run = (values: ImpactValues) => {
    const next = { ...splitPackKey(values.pack ?? ''), jurisdictionCode: values.jurisdictionCode ?? '' };
    setRequest(next);
    apply.reset();
    preview.mutate(next);
  };
  const confirmApply = () => {
    if (!request || !preview.data) return;
    modal.confirm({
      title: t('policy.impact.confirmTitle'),
      content: t('policy.impact.confirmBody', {
        pack: packName(t, packs.data, request.packId, request.version),
        place,
        count: preview.data.changes.length,
        unchanged: preview.data.unchanged,
      }),
      okButtonProps: { danger: true, ...testId('impact-confirm') },
      onOk: () => apply.mutateAsync(request).then(() => undefined),
    });
  };
  const packLabel = t('policy.impact.pack');
  const placeLabel = t('policy.impact.jurisdiction');
  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <Link to="/policy">{t('policy.detail.back')}</Link>
      </Flex>
      <Typography.Title level={3} className="page-title">
        {t('policy.impact.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('policy.impact.hint')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form<ImpactValues>
          form={form}
          layout="vertical"
          initialValues={{ jurisdictionCode: me.scopes[0] }}
          onFinish={run}
          onValuesChange={() => {
            preview.reset();
            apply.reset();
          }}
          data-testid="impact-form"
        >
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item name="pack" label={packLabel} required rules={[requiredRule(t, packLabel)]}>
                <Select
                  loading={packs.isPending}
                  options={(packs.data ?? []).map((pack) => ({
                    value: packKey(pack.id, pack.version),
                    label: t('policy.impact.packOption', { title: pack.titleZh, version: pack.version }),
                  }))}
                  data-testid="impact-pack"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="jurisdictionCode"
                label={placeLabel}
                required
                rules={[requiredRule(t, placeLabel)]}
              >
                <JurisdictionTreeSelect<string> data-testid="impact-jurisdiction" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={preview.isPending}
                  data-testid="impact-preview"
                >
                  {t('policy.impact.preview')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {preview.error ? <ProblemAlert error={preview.error} /> : null}
      {apply.error ? <ProblemAlert error={apply.error} /> : null}
      {apply.data ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="impact-applied"
          title={t('policy.impact.applied', { ...apply.data })}
        />
      ) : null}
      {preview.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ImpactPreviewResult preview={preview.data} packs={packs.data} />
          {isAdmin && !apply.data ? (
            <Button
              type="primary"
              danger
              onClick={confirmApply}
              loading={apply.isPending}
              data-testid="impact-apply"
            >
              {t('policy.impact.apply')}
            </Button>
          ) : null}
        </Space>
      ) : null}
    </>
  );
}
