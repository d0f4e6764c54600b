import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { usePermission } from '../session/useSession';
import { type DocumentSummary, documentHref, useDocuments } from './api';
import { RegisterDocumentModal } from './RegisterDocumentModal';

/** The registered source documents; policy admins register new ones (issue 12, Deliver 2). */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isAdmin = usePermission('policy.admin');
  const [registering, setRegistering] = useState(false);
  const documents = useDocuments();
  const assumed = (document: DocumentSummary, field: 'issuer' | 'issuedOn', value: string | null) => (
    <>
      {value ?? t('documents.none')}
      {document.assumed.includes(field) ? (
        <Tooltip title={t('documents.assumedReason', { reason: document.assumptionReason ?? '' })}>
          <Tag color="gold" style={{ marginInlineStart: 8 }}>
            {t('documents.assumed')}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );
  const columns: TableColumnsType<DocumentSummary> = [
    {
      key: 'title',
      title: t('documents.columns.title'),
      render: (_, document) => (
        <Link to={documentHref(document.id)} onClick={(event) => event.stopPropagation()}>
          《{document.title}》
        </Link>
      ),
    },
    {
      key: 'number',
      title: t('documents.columns.number'),
      responsive: ['md'],
      render: (_, document) => document.number ?? t('documents.none'),
    },
    {
      key: 'issuer',
      title: t('documents.columns.issuer'),
      responsive: ['md'],
      render: (_, document) => assumed(document, 'issuer', document.issuer),
    },
    {
      key: 'issuedOn',
      title: t('documents.columns.issuedOn'),
      responsive: ['sm'],
      render: (_, document) => assumed(document, 'issuedOn', document.issuedOn),
    },
    {
      key: 'citations',
      title: t('documents.columns.citations'),
      render: (_, document) => t('documents.citationCount', { count: document.citationCount }),
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('documents.title')}
        </Typography.Title>
        {isAdmin ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="document-register"
          >
            {t('documents.register.button')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('documents.hint')}</Typography.Paragraph>
      {documents.error ? <ProblemAlert error={documents.error} /> : null}
      <Table<DocumentSummary>
        data-testid="document-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={documents.data ?? []}
        loading={documents.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(document) => ({
          ...rowTestId('document-row'),
          onClick: () => navigate(documentHref(document.id)),
        })}
        pagination={false}
      />
      {isAdmin ? <RegisterDocumentModal open={registering} onClose={() => setRegistering(false)} /> : null}
    </>
  );
}
