import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Input,
  List,
  Popconfirm,
  Row,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { hasPermission } from '../session/api';
import { useMe } from '../session/useSession';
import { TracingTabs } from '../tracing/TracingTabs';
import { AlertTag } from './AlertTag';
import { type ClusterDetail, chainKeys, fetchCluster, type LinkView, type NodeView, removeLink } from './api';
import { LinkModal } from './LinkModal';

/** The graph and cytoscape load with this page only, so no other page's bundle grows. */
const ChainGraph = lazy(() => import('./ChainGraph'));

function EstimateCard({ title, value }: { title: string; value: ClusterDetail['serialInterval'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid="chain-estimate">
      {value.enough ? (
        <>
          <Statistic
            title={t('chains.estimate.mean')}
            value={value.mean ?? 0}
            precision={1}
            suffix={t('chains.estimate.days')}
          />
          <Typography.Text type="secondary">
            {t('chains.estimate.ci', { lo: value.meanCi?.[0], hi: value.meanCi?.[1] })}
          </Typography.Text>
          <br />
          <Typography.Text>
            {t('chains.estimate.median', {
              median: value.median,
              lo: value.medianCi?.[0],
              hi: value.medianCi?.[1],
            })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="warning">{t('chains.estimate.tooFew')}</Typography.Text>
      )}
      <br />
      <Typography.Text type="secondary">
        {t('chains.estimate.pairs', { pairs: value.pairs, min: value.minPairs })}
      </Typography.Text>
    </Card>
  );
}

/** One cluster (EPI-5): graph by generation, the accountability alert, credit, estimates and links. */
export default function ClusterPage() {
  const { clusterId = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = hasPermission(me, 'chain.write');
  const [selected, setSelected] = useState<string | null>(null);
  const [linkFor, setLinkFor] = useState<string | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const query = useQuery({ queryKey: chainKeys.cluster(clusterId), queryFn: () => fetchCluster(clusterId) });
  const remove = useMutation({
    mutationFn: (id: string) => removeLink(id, reason.trim()),
    onSuccess: () => {
      message.success(t('chains.link.removed'));
      setReason('');
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: chainKeys.all }),
  });
  const labels = useMemo(
    () => ({ band: (g: number, count: number) => t('chains.graph.band', { n: g, count }) }),
    [t],
  );
  const detail = query.data;
  const node = detail?.nodes.find((n) => n.caseId === selected);
  const columns: TableColumnsType<LinkView> = [
    {
      key: 'pair',
      title: t('chains.fields.pair'),
      render: (_, l) => `${l.infectorName} → ${l.infecteeName}`,
    },
    {
      key: 'certainty',
      title: t('chains.link.certainty'),
      render: (_, l) => t(`chains.certainty.${l.certainty}`),
    },
    {
      key: 'evidence',
      title: t('chains.link.evidence'),
      render: (_, l) => `${t(`chains.evidenceKind.${l.evidenceKind}`)}：${l.evidence}`,
      responsive: ['sm'],
    },
    {
      key: 'by',
      title: t('chains.fields.linkedBy'),
      render: (_, l) => `${l.linkedByName} · ${formatDateTime(l.linkedAt, language)}`,
      responsive: ['md'],
    },
    ...(canWrite
      ? [
          {
            key: 'remove',
            title: '',
            render: (_: unknown, l: LinkView) => (
              <Popconfirm
                title={t('chains.link.removeTitle')}
                description={
                  <Input
                    placeholder={t('chains.link.removeReason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="chain-unlink-reason"
                  />
                }
                okButtonProps={{ disabled: reason.trim().length < 2 }}
                onConfirm={() => remove.mutate(l.id)}
              >
                <Button size="small" danger data-testid="chain-unlink">
                  {t('chains.link.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <TracingTabs />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          <Link to="/chains" aria-label={t('chains.back')}>
            <ArrowLeftOutlined />
          </Link>{' '}
          {detail
            ? t('chains.clusterTitle', { name: detail.summary.rootName, size: detail.summary.size })
            : t('chains.title')}
        </Typography.Title>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setLinkFor(null)}
            data-testid="chain-link-new"
          >
            {t('chains.link.new')}
          </Button>
        ) : null}
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {!detail ? (
        <Skeleton active />
      ) : (
        <>
          {detail.summary.alert?.state === 'open' ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="chain-alert"
              message={t('chains.alert.banner', {
                due: formatDateTime(detail.summary.alert.dueAt, language),
              })}
              description={
                detail.summary.maxGeneration < 3
                  ? t('chains.alert.cautious', {
                      best: detail.summary.maxGeneration,
                      max: detail.summary.maxPossibleGeneration,
                    })
                  : t('chains.alert.text')
              }
            />
          ) : null}
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('chains.fields.size')} value={detail.summary.size} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('chains.fields.maxGeneration')}
                  value={detail.summary.maxGeneration}
                  suffix={
                    detail.summary.maxPossibleGeneration > detail.summary.maxGeneration
                      ? t('chains.upTo', { max: detail.summary.maxPossibleGeneration })
                      : undefined
                  }
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('chains.fields.links')} value={detail.summary.links} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Typography.Text type="secondary">{t('chains.fields.alert')}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <AlertTag summary={detail.summary} />
                </div>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('chains.graph.title')} style={{ marginBottom: 12 }}>
            <div
              style={{
                height: detail.nodes.length > 40 ? 'min(80vh, 820px)' : 'min(70vh, 560px)',
                minHeight: 320,
              }}
            >
              <Suspense fallback={<Skeleton active />}>
                <ChainGraph
                  nodes={detail.nodes}
                  links={detail.links}
                  labels={labels}
                  onSelect={setSelected}
                />
              </Suspense>
            </div>
            <Typography.Text type="secondary">{t('chains.graph.legend')}</Typography.Text>
          </Card>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} md={12}>
              <EstimateCard title={t('chains.estimate.serial')} value={detail.serialInterval} />
            </Col>
            <Col xs={24} md={12}>
              <EstimateCard title={t('chains.estimate.incubation')} value={detail.incubation} />
            </Col>
          </Row>
          <Card size="small" title={t('chains.credit.title')} style={{ marginBottom: 12 }}>
            <List
              data-testid="chain-credits"
              dataSource={detail.credits}
              locale={{ emptyText: t('chains.credit.none') }}
              renderItem={(c) => (
                <List.Item>
                  <Typography.Text>
                    <Tag color="green">{t('chains.credit.tag')}</Tag>
                    {t('chains.credit.line', {
                      name: c.personName,
                      institution: c.reportingInstitution,
                      doctor: c.reportingDoctor,
                      infectees: c.infectees,
                    })}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('chains.fields.links')}>
            <Table<LinkView>
              data-testid="chain-links"
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={detail.links}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20 }}
              onRow={() => rowTestId('chain-link-row')}
            />
            {detail.removedLinks.length > 0 ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('chains.removedCount', { count: detail.removedLinks.length })}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </>
      )}
      <Drawer
        open={Boolean(node)}
        onClose={() => setSelected(null)}
        title={node?.personName}
        size="default"
        data-testid="chain-node"
      >
        {node ? <NodeDetail node={node} /> : null}
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {node ? (
            <Button onClick={() => navigate(`/cases/${node.caseId}`)} data-testid="chain-node-case">
              {t('chains.node.openCase')}
            </Button>
          ) : null}
          {node && canWrite ? (
            <Button type="primary" onClick={() => setLinkFor(node.caseId)} data-testid="chain-node-link">
              {t('chains.node.addInfector')}
            </Button>
          ) : null}
        </Flex>
      </Drawer>
      <LinkModal
        open={linkFor !== undefined}
        onClose={() => setLinkFor(undefined)}
        infecteeCaseId={linkFor ?? undefined}
      />
    </>
  );
}

function NodeDetail({ node }: { node: NodeView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('chains.node.generation')}>
        {node.maxGeneration > node.generation
          ? t('chains.generationRange', { best: node.generation, max: node.maxGeneration })
          : t('chains.generationN', { n: node.generation })}
      </Descriptions.Item>
      <Descriptions.Item label={t('chains.node.accountability')}>
        {t(`chains.accountability.${node.accountability}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('chains.node.classification')}>
        {t(`chains.class.${node.classification as 'confirmed' | 'asymptomatic' | 'suspected'}`)}
        {node.origin === 'imported' ? ` · ${t('chains.node.imported')}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('chains.node.onset')}>
        {node.onsetAt ? formatDateTime(node.onsetAt, language) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('chains.node.reported')}>
        {formatDateTime(node.reportedAt, language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('chains.node.discoverer')}>
        {`${node.reportingInstitution} · ${node.reportingDoctor}`}
      </Descriptions.Item>
    </Descriptions>
  );
}
