import { Button, Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { KEY_GROUP_IDS, KEY_GROUPS } from '../../../src/rules/keyGroups';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { SCHEDULE_STATES, type ScheduleFilter } from './api';

interface RoutineFiltersProps {
  value: ScheduleFilter;
  onChange: (patch: Partial<ScheduleFilter>) => void;
  onReset: () => void;
}

/** Jurisdiction, key group and state; each applies at once (one tap on a phone). */
export function RoutineFilters({ value, onChange, onReset }: RoutineFiltersProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Form layout="vertical" data-testid="routine-filters">
      <Row gutter={[12, 0]} align="bottom">
        <Col xs={24} sm={12} lg={8}>
          <Form.Item label={t('routineTesting.filters.jurisdiction')}>
            <JurisdictionTreeSelect<string>
              value={value.jurisdiction}
              onChange={(jurisdiction) => onChange({ jurisdiction: jurisdiction || undefined })}
              data-testid="routine-jurisdiction-filter"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={7}>
          <Form.Item label={t('routineTesting.filters.keyGroup')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={value.keyGroup}
              onChange={(keyGroup?: string) => onChange({ keyGroup })}
              placeholder={t('routineTesting.filters.keyGroupPlaceholder')}
              options={KEY_GROUP_IDS.map((id) => ({
                value: id,
                label: pickText(language, KEY_GROUPS[id].zh, KEY_GROUPS[id].en),
              }))}
              data-testid="routine-keygroup-filter"
            />
          </Form.Item>
        </Col>
        <Col xs={16} sm={12} lg={5}>
          <Form.Item label={t('routineTesting.filters.state')}>
            <Select
              allowClear
              value={value.state}
              onChange={(state?: ScheduleFilter['state']) => onChange({ state })}
              placeholder={t('routineTesting.filters.statePlaceholder')}
              options={SCHEDULE_STATES.map((state) => ({
                value: state,
                label: t(`routineTesting.states.${state}`),
              }))}
              data-testid="routine-state-filter"
            />
          </Form.Item>
        </Col>
        <Col xs={8} sm={12} lg={4}>
          <Form.Item>
            <Button onClick={onReset} data-testid="routine-filter-reset">
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
