import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function DrugSalesPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('drugSales.title')}</Typography.Title>;
}
