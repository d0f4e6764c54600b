import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MarkDoneButton } from '../deadlines/MarkDoneButton';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import type { MyWorkItem } from './api';
import { CallButton } from './CallButton';
import { useAssignee } from './useAssignee';

/**
 * The one action that closes an item: a link to the page where it is closed; when its job is a
 * call, the call button comes first under the action's name and the link follows as "go to it" (a
 * call is for the item's assignee: one escalated from below is someone else's); and the mark-done
 * button when no page records the work. An item escalated to the caller from below is followed up,
 * not done, by them: its link is not the page's main button.
 */
export function WorkActions({ item, block }: { item: MyWorkItem; block?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const canMarkDone = usePermission('deadline.write');
  const assignee = useAssignee(item);
  const { action } = item;
  const label = pickText(language, action.label.zh, action.label.en);
  const calls = Boolean(action.call && item.person && assignee);
  return (
    <Flex gap={8} wrap vertical={block}>
      {calls ? <CallButton deadlineId={item.id} label={label} block={block} /> : null}
      <Button
        type={calls || !assignee ? 'default' : 'primary'}
        href={action.href}
        block={block}
        onClick={(event) => {
          // A real link (it opens in a new tab too), followed inside the app.
          event.preventDefault();
          navigate(action.href);
        }}
        data-testid="my-work-action"
      >
        {calls ? t('work.goTo') : label}
      </Button>
      {action.markDone && canMarkDone ? <MarkDoneButton deadline={item} /> : null}
    </Flex>
  );
}
