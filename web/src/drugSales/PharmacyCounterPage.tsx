import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  type InputRef,
  List,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkResidentId } from '../../../src/rules/idNumber';
import { fieldMessage } from '../common/fieldMessage';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { todayInServerZone } from '../persons/validation/today';
import {
  DRUG_CLASSES,
  type DrugClass,
  drugSaleKeys,
  fetchCounterSales,
  fetchOutlets,
  registerSale,
} from './api';
import { ClassTags } from './ClassTags';

/** The outlet this device sells at, remembered on the device (a phone or till belongs to one shop). */
const OUTLET_KEY = 'fangkong.drugSales.outlet';

interface SaleForm {
  idNumber: string;
  buyerName?: string;
  phone?: string;
  classes: DrugClass[];
  quantity?: number | null;
}

/**
 * The pharmacy counter (MON-2): scan or type the buyer's ID number, pick the classes, Enter. One
 * request per sale; each attempt carries a sale id made here, so a retry after a lost answer never
 * registers the sale twice. Focus returns to the ID number for the next buyer in the queue.
 */
export default function PharmacyCounterPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const client = useQueryClient();
  const [form] = Form.useForm<SaleForm>();
  const idField = useRef<InputRef>(null);
  const [outletId, setOutletId] = useState<string | undefined>(
    () => window.localStorage.getItem(OUTLET_KEY) ?? undefined,
  );
  // The id of the sale being entered: kept across retries, renewed once the sale is registered.
  const saleId = useRef(crypto.randomUUID());
  const outlets = useQuery({ queryKey: drugSaleKeys.outlets, queryFn: fetchOutlets });
  const known = outlets.data?.some((o) => o.id === outletId);
  const current = known ? outletId : undefined;
  const recent = useQuery({
    queryKey: drugSaleKeys.counter(current ?? ''),
    queryFn: () => fetchCounterSales(current ?? ''),
    enabled: Boolean(current),
  });
  const save = useMutation({
    mutationFn: (values: SaleForm) =>
      registerSale({
        outletId: current ?? '',
        saleId: saleId.current,
        idNumber: values.idNumber.trim().toUpperCase(),
        buyerName: values.buyerName?.trim() || null,
        phone: values.phone?.trim() || null,
        classes: values.classes,
        quantity: values.quantity ?? null,
      }),
    onSuccess: () => {
      saleId.current = crypto.randomUUID();
      form.setFieldsValue({ idNumber: '', buyerName: '', phone: '', quantity: null });
      void client.invalidateQueries({ queryKey: drugSaleKeys.counter(current ?? '') });
      idField.current?.focus();
    },
    onError: () => idField.current?.focus(),
  });
  useEffect(() => {
    if (current) idField.current?.focus();
  }, [current]);

  const pickOutlet = (id: string) => {
    window.localStorage.setItem(OUTLET_KEY, id);
    setOutletId(id);
  };
  const idLabel = t('drugSales.fields.idNumber');
  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Title level={3} className="page-title">
        {t('drugSales.counterTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('drugSales.counterHint')}</Typography.Paragraph>
      {outlets.error ? <ProblemAlert error={outlets.error} /> : null}
      <Select<string>
        value={current}
        placeholder={t('drugSales.pickOutlet')}
        options={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        onChange={pickOutlet}
        loading={outlets.isLoading}
        style={{ width: '100%', marginBottom: 16 }}
        showSearch
        optionFilterProp="label"
        data-testid="counter-outlet"
      />
      {outlets.data && outlets.data.length === 0 ? (
        <Alert type="warning" showIcon message={t('drugSales.noOutlets')} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Form<SaleForm>
          form={form}
          layout="vertical"
          disabled={!current}
          initialValues={{ classes: [] }}
          onFinish={(values) => save.mutate(values)}
          requiredMark={false}
        >
          <Form.Item
            name="idNumber"
            label={idLabel}
            validateTrigger="onSubmit"
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const check = checkResidentId(value ?? '', todayInServerZone());
                  if (!check.ok) throw new Error(fieldMessage(t, check.problem, idLabel));
                },
              },
            ]}
          >
            <Input
              ref={idField}
              inputMode="text"
              autoComplete="off"
              maxLength={18}
              size="large"
              placeholder={t('drugSales.idPlaceholder')}
              data-testid="counter-id"
            />
          </Form.Item>
          <Form.Item
            name="classes"
            label={t('drugSales.fields.classes')}
            rules={[{ required: true, message: t('drugSales.classesRequired') }]}
          >
            <Checkbox.Group data-testid="counter-classes">
              <Space wrap>
                {DRUG_CLASSES.map((c) => (
                  <Checkbox key={c} value={c}>
                    {t(`drugSales.class.${c}`)}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <Space wrap style={{ width: '100%' }}>
            <Form.Item name="buyerName" label={t('drugSales.fields.buyerName')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item name="phone" label={t('drugSales.fields.phone')}>
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
            <Form.Item name="quantity" label={t('drugSales.fields.quantity')}>
              <InputNumber min={1} max={999} precision={0} />
            </Form.Item>
          </Space>
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={save.isPending}
            data-testid="counter-submit"
          >
            {t('drugSales.register')}
          </Button>
        </Form>
      </Card>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('drugSales.recent')}
      </Typography.Title>
      <List
        data-testid="counter-recent"
        loading={recent.isLoading}
        dataSource={recent.data ?? []}
        locale={{ emptyText: t('drugSales.recentEmpty') }}
        renderItem={(sale) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Typography.Text>
                {sale.buyerNameMasked ? `${sale.buyerNameMasked}　` : ''}
                {sale.idNumberMasked}
              </Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(sale.soldAt, language)}</Typography.Text>
            </Space>
            <ClassTags classes={sale.classes} />
          </List.Item>
        )}
      />
      {recent.error ? <ProblemAlert error={recent.error} /> : null}
    </div>
  );
}
