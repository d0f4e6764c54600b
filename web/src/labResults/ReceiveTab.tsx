import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { receiveTubes } from './api';
import { RowErrors } from './RowErrors';

/** Receive tubes by scanning barcodes (TST-2): a scanner types a barcode and Enter, so one per line. */
export function ReceiveTab({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const receive = useMutation({
    mutationFn: (barcodes: string[]) => receiveTubes(labId, barcodes),
    onSuccess: () => setText(''),
  });
  const barcodes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
  return (
    <Flex vertical gap={12}>
      <Input.TextArea
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('labResults.receive.hint')}
        data-testid="receipt-barcodes"
        autoFocus
      />
      <Button
        type="primary"
        disabled={barcodes.length === 0}
        loading={receive.isPending}
        onClick={() => receive.mutate(barcodes.slice(0, 5000))}
        data-testid="receipt-submit"
      >
        {t('labResults.receive.submit')}
        {t('common.inParens', { text: barcodes.length })}
      </Button>
      {receive.error && <ProblemAlert error={receive.error} />}
      {receive.data && (
        <>
          <Alert
            type={receive.data.rejected > 0 ? 'warning' : 'success'}
            title={t('labResults.receive.report', { ...receive.data })}
            data-testid="receipt-report"
          />
          <RowErrors errors={receive.data.errors} />
        </>
      )}
    </Flex>
  );
}
