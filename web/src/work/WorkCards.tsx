import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDueAt } from '../common/formatDueAt';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { MyWorkItem } from './api';
import { RULE_TAG } from './ruleTag';
import { WorkActions } from './WorkActions';
import { WorkPerson } from './WorkPerson';
import { WorkStateTags } from './WorkStateTags';

/** A section of work on a phone: one card per item, the action a full-width button at its foot. */
export function WorkCards({ items }: { items: MyWorkItem[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Flex vertical gap={12}>
      {items.map((item) => (
        <Card key={item.id} size="small" data-testid="my-work-item" data-state={item.state}>
          <Flex vertical gap={6}>
            <WorkPerson item={item} />
            <Typography.Text data-testid="my-work-title">
              {pickText(language, item.title.zh, item.title.en)}{' '}
              <Tag bordered={false} style={RULE_TAG}>
                {item.ruleId}
              </Tag>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('work.dueLine', {
                due: formatDueAt(item.dueAt, language, item.timeZone),
                jurisdiction: item.jurisdictionName,
              })}
            </Typography.Text>
            <WorkStateTags item={item} />
            <WorkActions item={item} block />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
