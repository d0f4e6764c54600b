import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrugClass } from './api';

const COLORS: Record<DrugClass, string> = {
  antipyretic: 'red',
  antitussive: 'orange',
  antiviral: 'purple',
  antibiotic: 'blue',
};

/** The four classes (退热、止咳、抗病毒、抗生素) a sale holds, as coloured tags. */
export function ClassTags({ classes }: { classes: readonly DrugClass[] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {classes.map((c) => (
        <Tag key={c} color={COLORS[c]}>
          {t(`drugSales.class.${c}`)}
        </Tag>
      ))}
    </Space>
  );
}
