import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import type { ArrivalDetail } from './api';
import { channelLabel, originText, STATUS_COLORS, statusLabel } from './labels';
import { PlanRisk } from './PlanRisk';
import { RiskTag } from './RiskTag';

/** The person (masked) and the facts of the arrival the plan was made from. */
export function ArrivalFacts({ arrival }: { arrival: ArrivalDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canReadPerson = usePermission('person.read');
  const none = t('arrivals.none');
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="arrival-facts">
      <Descriptions.Item label={t('arrivals.detail.person')}>
        <span data-testid="arrival-person">
          {arrival.personName} {arrival.idNumberMasked}
        </span>
        {canReadPerson ? (
          <Link to={`/persons/${arrival.personId}`} style={{ marginInlineStart: 8 }}>
            {t('arrivals.detail.openPerson')}
          </Link>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('arrivals.columns.status')}>
        <Tag color={STATUS_COLORS[arrival.status]} data-testid="arrival-status" data-status={arrival.status}>
          {statusLabel(t, arrival.status)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('arrivals.columns.jurisdiction')}>
        {arrival.jurisdictionName ?? arrival.jurisdictionCode}
      </Descriptions.Item>
      <Descriptions.Item label={t('arrivals.columns.channel')}>
        {channelLabel(t, arrival.channel)}
      </Descriptions.Item>
      <Descriptions.Item label={t('arrivals.columns.origin')}>{originText(t, arrival)}</Descriptions.Item>
      <Descriptions.Item label={t('arrivals.columns.originRisk')}>
        {arrival.originRisk || arrival.originDistrictRisk ? (
          <>
            <RiskTag level={arrival.originRisk} />
            <RiskTag level={arrival.originDistrictRisk} district />
          </>
        ) : (
          none
        )}
      </Descriptions.Item>
      {arrival.planRisk?.level || arrival.planRisk?.reading ? (
        <Descriptions.Item label={t('arrivals.planRisk.label')}>
          <PlanRisk risk={arrival.planRisk} />
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('arrivals.detail.leftOriginAt')}>
        {formatDateTime(arrival.leftOriginAt, language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('arrivals.columns.arrivedAt')}>
        {formatDateTime(arrival.arrivedAt, language)}
      </Descriptions.Item>
      {arrival.enteredAt ? (
        <Descriptions.Item label={t('arrivals.detail.enteredAt')}>
          {formatDateTime(arrival.enteredAt, language)}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
