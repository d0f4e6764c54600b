import { Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TubeMember } from './api';

/** The people already in the current tube, ID numbers masked, newest first. */
export function TubeMembers({ members }: { members: readonly TubeMember[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('sampling.members')}</Typography.Text>}
      dataSource={[...members].reverse()}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sampling.noMembers')} />,
      }}
      data-testid="sampling-members"
      renderItem={(member) => (
        <List.Item data-testid="sampling-member">
          <span>{member.name}</span>
          <Typography.Text type="secondary">{member.idNumberMasked}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
