import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { getPersonControls, labKeys } from './api';

/** A red tag on the person page while the person is under TST-1 control; nothing otherwise (or without testing.read). */
export function ControlBadge({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const controls = useQuery({
    queryKey: labKeys.personControls(personId),
    queryFn: () => getPersonControls(personId),
    retry: false,
  });
  const open = controls.data?.items.find((item) => item.clearedAt === null);
  if (!open) return null;
  return (
    <Tag color="red" data-testid="control-badge">
      {t('labResults.control.badge')} · {t(`labResults.control.reason.${open.reason}`)} · {open.tubeBarcode}
    </Tag>
  );
}
