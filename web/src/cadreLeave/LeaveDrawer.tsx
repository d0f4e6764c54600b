import { Descriptions, Divider, Drawer, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import type { Leave } from './api';
import { DecisionForm, ReturnForm, WithdrawForm } from './LeaveActions';
import { LeaveStatusTag } from './LeaveStatusTag';

interface LeaveDrawerProps {
  leave: Leave | null;
  onClose: () => void;
  onChanged: (leave: Leave) => void;
}

/** One application: who applied, who approved (谁审批、谁负责), the return report and its plan. */
export function LeaveDrawer({ leave, onClose, onChanged }: LeaveDrawerProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const screens = Grid.useBreakpoint();
  const canDecide = usePermission('arrival.write');
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  return (
    <Drawer
      open={leave !== null}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={leave?.personName}
      destroyOnHidden
    >
      {leave ? (
        <>
          <Descriptions column={1} size="small" bordered data-testid="leave-detail">
            <Descriptions.Item label={t('cadreLeave.fields.status')}>
              <LeaveStatusTag leave={leave} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cadreLeave.fields.person')}>
              <Link
                to={`/persons/${leave.personId}`}
              >{`${leave.personName} ${leave.personIdNumberMasked}`}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('cadreLeave.fields.destinationName')}>
              {leave.destinationName}
            </Descriptions.Item>
            <Descriptions.Item label={t('cadreLeave.fields.reason')}>{leave.reason}</Descriptions.Item>
            <Descriptions.Item label={t('cadreLeave.fields.leaveDate')}>
              {`${formatDay(leave.leaveDate, language)} – ${formatDay(leave.plannedReturnDate, language)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('cadreLeave.fields.appliedBy')}>
              {`${leave.appliedByName} · ${time(leave.appliedAt)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('cadreLeave.fields.decidedBy')}>
              {leave.decidedByName ? `${leave.decidedByName} · ${time(leave.decidedAt)}` : '—'}
            </Descriptions.Item>
            {leave.decisionNote ? (
              <Descriptions.Item label={t('cadreLeave.fields.decisionNote')}>
                {leave.decisionNote}
              </Descriptions.Item>
            ) : null}
            {leave.returnDueAt ? (
              <Descriptions.Item label={t('cadreLeave.fields.returnDueAt')}>
                {/* Due the day after the planned return, at 24:00 of that day (ARR-14). */}
                {formatDueAt(leave.returnDueAt, language)}
              </Descriptions.Item>
            ) : null}
            {leave.returnedAt ? (
              <Descriptions.Item label={t('cadreLeave.fields.returnedAt')}>
                {`${time(leave.returnedAt)} · ${leave.returnOriginName ?? ''}`}
              </Descriptions.Item>
            ) : null}
            {leave.withdrawnAt ? (
              <Descriptions.Item label={t('cadreLeave.fields.withdrawnBy')}>
                {`${leave.withdrawnByName ?? ''} · ${time(leave.withdrawnAt)} · ${leave.withdrawalReason ?? ''}`}
              </Descriptions.Item>
            ) : null}
            {leave.plan ? (
              <Descriptions.Item label={t('cadreLeave.fields.plan')}>
                {`${pickText(language, leave.plan.protocolTitle.zh, leave.plan.protocolTitle.en)} · ${t('cadreLeave.fields.releaseDate')} ${formatDay(leave.plan.releaseDate, language)}`}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {leave.status === 'pending' && canDecide ? (
            <>
              <Divider />
              <DecisionForm leave={leave} onDone={onChanged} />
            </>
          ) : null}
          {leave.status === 'approved' ? (
            <>
              <Divider />
              <ReturnForm leave={leave} onDone={onChanged} />
            </>
          ) : null}
          {leave.status === 'pending' || leave.status === 'approved' ? (
            <>
              <Divider />
              <WithdrawForm leave={leave} onDone={onChanged} />
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
