import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { durationText } from '../deadlines/DeadlineStateTag';
import { useRoleLabel } from '../users/useRoleLabel';
import type { MyWorkItem } from './api';
import { useAssignee } from './useAssignee';

/**
 * How urgent an item is, beyond the section it sits in: how late it is and where it has climbed to,
 * or how long is left of an item due soon (an open item needs no tag: its section says it); and
 * who does it, when it came to the caller from below.
 */
export function WorkStateTags({ item }: { item: MyWorkItem }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const assignee = useAssignee(item);
  return (
    <Flex gap={4} wrap data-testid="my-work-state" data-state={item.state}>
      {item.state === 'overdue' ? (
        <Tag color="red">{t('deadlines.overdueBy', { duration: durationText(t, item.overdueMinutes) })}</Tag>
      ) : null}
      {item.state === 'due_soon' ? (
        <Tag color="orange">{t('work.left', { duration: durationText(t, item.minutesLeft) })}</Tag>
      ) : null}
      {item.escalationLevel > 0 ? (
        <Tag color="volcano" data-testid="my-work-escalated">
          {t('deadlines.escalated', {
            name: item.escalatedToName ?? item.escalatedTo,
            level: item.escalationLevel,
          })}
        </Tag>
      ) : null}
      {assignee ? null : (
        <Tag data-testid="my-work-owner">{t('work.ownedBy', { role: roleLabel(item.ownerRole) })}</Tag>
      )}
    </Flex>
  );
}
