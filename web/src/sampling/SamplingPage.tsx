import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, type InputRef, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import {
  getTube,
  listActiveCampaigns,
  listSites,
  registerSample,
  samplingKeys,
  sealTube,
  todayCounts,
} from './api';
import { ScanButton } from './ScanButton';
import { TableSetup } from './TableSetup';
import { TubeMembers } from './TubeMembers';
import { useTableChoice } from './useTableChoice';

const normalize = (barcode: string) => barcode.trim().toUpperCase();
/** The one refusal the page answers by itself: an unknown ID number needs a name (the field opens). */
const onlyNameMissing = (error: unknown) =>
  isApiError(error) && error.problem.errors?.every((e) => e.code === 'person_new_name_required') === true;
const TUBE_FIELDS = ['tubeBarcode', 'poolSize', 'barcode'];
const big = { fontSize: 20, height: 52 };

/**
 * The sampling table on a phone (TST-1): scan the tube, then each person's ID card; Enter moves on,
 * so a keyboard-wedge scanner works without touching the screen. A full pool seals itself and the
 * tube field asks for the next tube; a partial pool is sealed with the button.
 */
export default function SamplingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useTableChoice();
  const [tubeText, setTubeText] = useState('');
  const [tube, setTube] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [askName, setAskName] = useState(false);
  const tubeRef = useRef<InputRef>(null);
  const idRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);
  // Focus moves after React has rendered the change that shows or enables the field.
  const [focusTarget, setFocusTarget] = useState<{ ref: typeof idRef } | null>(null);
  const focusLater = (ref: typeof idRef) => setFocusTarget({ ref });
  useEffect(() => focusTarget?.ref.current?.focus(), [focusTarget]);

  const sites = useQuery({ queryKey: samplingKeys.sites, queryFn: listSites });
  const campaignsQuery = useQuery({
    queryKey: samplingKeys.campaigns,
    queryFn: listActiveCampaigns,
    retry: false,
  });
  const site = sites.data?.find((s) => s.id === choice.siteId);
  const campaigns = (campaignsQuery.data ?? []).filter((c) =>
    site?.jurisdictionCode.startsWith(c.jurisdictionCode),
  );
  // TST-6: by default the one active campaign covering the site, if there is exactly one.
  // A re-sample is taken outside any campaign (one campaign sample per person).
  const defaultCampaign = campaigns.length === 1 ? campaigns[0]!.id : null;
  const campaignId =
    choice.purpose === 'resample'
      ? null
      : choice.campaignId === undefined
        ? defaultCampaign
        : choice.campaignId;
  const poolSize = choice.purpose === 'resample' ? 1 : choice.poolSize;

  const today = useQuery({
    queryKey: samplingKeys.today(site?.id ?? '', choice.tableNo),
    queryFn: () => todayCounts(site!.id, choice.tableNo),
    enabled: Boolean(site),
  });
  const tubeQuery = useQuery({
    queryKey: samplingKeys.tube(tube),
    queryFn: () => getTube(tube),
    enabled: tube !== '',
    retry: false,
  });
  // A reloaded page (or a newly chosen table) resumes the table's open tube, once.
  const resumed = useRef('');
  const typedFor = useRef('');
  const tableKey = `${site?.id ?? ''}:${choice.tableNo}`;
  const openTube = today.data?.openTube;
  useEffect(() => {
    if (!today.isFetched || resumed.current === tableKey) return;
    resumed.current = tableKey;
    // A tube scanned while the table's counts were loading wins over the resumed one.
    if (typedFor.current === tableKey) return;
    setTube(openTube ?? '');
    setTubeText(openTube ?? '');
  }, [today.isFetched, tableKey, openTube]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['sampling', 'today'] });
    void queryClient.invalidateQueries({ queryKey: samplingKeys.tube(tube) });
  };
  const nextTube = () => {
    setTube('');
    setTubeText('');
    focusLater(tubeRef);
  };

  const register = useMutation({
    mutationFn: registerSample,
    onSuccess: (result) => {
      message.success(t('sampling.registered', { name: result.person.name }));
      setIdNumber('');
      setName('');
      setAskName(false);
      refresh();
      if (result.tube.full) {
        message.info(t('sampling.full'));
        nextTube();
      } else focusLater(idRef);
    },
    onError: (error) => {
      const fields = isApiError(error) ? (error.problem.errors ?? []).map((e) => `${e.field}:${e.code}`) : [];
      if (fields.includes('name:person_new_name_required')) {
        setAskName(true);
        focusLater(nameRef);
      } else if (fields.some((f) => TUBE_FIELDS.includes(f.split(':')[0]!))) tubeRef.current?.select();
      else idRef.current?.select();
    },
  });
  const seal = useMutation({
    mutationFn: () => sealTube(tube),
    onSuccess: (sealed) => {
      message.success(t('sampling.sealed', { barcode: sealed.barcode }));
      refresh();
      nextTube();
    },
  });

  const commitTube = (focusNext: boolean) => {
    const barcode = normalize(tubeText);
    if (!barcode) return;
    typedFor.current = tableKey;
    setTube(barcode);
    setTubeText(barcode);
    register.reset();
    if (focusNext) focusLater(idRef);
  };
  const submit = () => {
    if (!site || !tube || !idNumber.trim()) return;
    register.mutate({
      siteId: site.id,
      tableNo: choice.tableNo,
      tubeBarcode: tube,
      idNumber: idNumber.trim().toUpperCase(),
      ...(askName && name.trim() ? { name: name.trim() } : {}),
      purpose: choice.purpose,
      campaignId,
      poolSize,
    });
  };

  const members = tubeQuery.data?.members ?? [];
  const sealed = tubeQuery.data?.sealed ?? false;
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('sampling.title')}
      </Typography.Title>
      {sites.error ? <ProblemAlert error={sites.error} /> : null}
      {sites.data && sites.data.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('sampling.noSites')}
          data-testid="sampling-no-sites"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <TableSetup
          sites={sites.data ?? []}
          campaigns={campaigns}
          choice={choice}
          campaignId={campaignId}
          onChange={setChoice}
        />
        {today.data ? (
          <Typography.Text type="secondary" data-testid="sampling-today">
            {t('sampling.todayHeader', { people: today.data.people, tubes: today.data.tubes })}
          </Typography.Text>
        ) : null}
      </Card>
      {!site ? <Alert type="info" showIcon title={t('sampling.chooseSite')} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical" onSubmitCapture={(event) => event.preventDefault()}>
          <Form.Item label={t('sampling.tube')}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                ref={tubeRef}
                style={big}
                value={tubeText}
                placeholder={t('sampling.tubePlaceholder')}
                onChange={(event) => setTubeText(event.target.value)}
                onPressEnter={() => commitTube(true)}
                onBlur={() => normalize(tubeText) !== tube && commitTube(false)}
                disabled={!site}
                autoComplete="off"
                data-testid="sampling-tube"
              />
              <ScanButton
                testId="sampling-tube-scan"
                onScan={(value) => {
                  setTubeText(normalize(value));
                  setTube(normalize(value));
                  focusLater(idRef);
                }}
              />
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('sampling.idNumber')}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                ref={idRef}
                style={big}
                value={idNumber}
                placeholder={t('sampling.idPlaceholder')}
                onChange={(event) => setIdNumber(event.target.value)}
                onPressEnter={askName ? () => nameRef.current?.focus() : submit}
                disabled={!site || !tube}
                autoComplete="off"
                inputMode="text"
                data-testid="sampling-id-number"
              />
              <ScanButton testId="sampling-id-scan" onScan={setIdNumber} />
            </Space.Compact>
          </Form.Item>
          {askName ? (
            <Form.Item label={t('sampling.name')}>
              <Input
                ref={nameRef}
                style={big}
                value={name}
                maxLength={50}
                onChange={(event) => setName(event.target.value)}
                onPressEnter={submit}
                data-testid="sampling-name"
              />
            </Form.Item>
          ) : null}
          {register.error && !(askName && onlyNameMissing(register.error)) ? (
            <ProblemAlert error={register.error} />
          ) : null}
          {seal.error ? <ProblemAlert error={seal.error} /> : null}
          <Space wrap style={{ marginTop: 8 }}>
            <Button
              type="primary"
              size="large"
              onClick={submit}
              loading={register.isPending}
              disabled={!site || !tube || sealed}
              data-testid="sampling-submit"
            >
              {t('sampling.submit')}
            </Button>
            <Tag
              color={members.length >= poolSize ? 'green' : 'blue'}
              style={{ fontSize: 18, padding: '6px 10px' }}
              data-testid="sampling-count"
            >
              {t('sampling.count', {
                count: tubeQuery.data?.memberCount ?? 0,
                capacity: tubeQuery.data?.capacity ?? poolSize,
              })}
            </Tag>
            <Button
              size="large"
              onClick={() => seal.mutate()}
              loading={seal.isPending}
              disabled={!tubeQuery.data || sealed || members.length === 0}
              data-testid="sampling-seal"
            >
              {t('sampling.seal')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card size="small">
        <TubeMembers members={members} />
      </Card>
    </>
  );
}
