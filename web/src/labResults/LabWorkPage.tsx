import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { getBoard, labKeys } from './api';
import { BoardTab } from './BoardTab';
import { CorrectTab } from './CorrectTab';
import { PositivesTab } from './PositivesTab';
import { ReceiveTab } from './ReceiveTab';
import { ResultsTab } from './ResultsTab';

/** A lab's work (TST-1 … TST-3): receive tubes, post results, watch turnaround, follow positives. */
export default function LabWorkPage() {
  const { t } = useTranslation();
  // The board lists every lab of the caller's subtree: it doubles as the lab chooser.
  const board = useQuery({ queryKey: labKeys.board, queryFn: getBoard });
  const [chosen, setChosen] = useState<string | null>(null);
  const canCorrect = usePermission('testing.correct');
  const labs = board.data?.labs ?? [];
  const labId = chosen ?? labs[0]?.labId ?? null;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('labResults.title')}</Typography.Title>
      {board.error && <ProblemAlert error={board.error} />}
      <Select
        style={{ maxWidth: '32rem' }}
        placeholder={t('labResults.chooseLab')}
        value={labId ?? undefined}
        loading={board.isLoading}
        onChange={setChosen}
        options={labs.map((lab) => ({ value: lab.labId, label: lab.name }))}
        data-testid="lab-select"
      />
      {board.data && labs.length === 0 && <Alert type="info" title={t('labResults.noLab')} />}
      {labId && (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'receive', label: t('labResults.tabs.receive'), children: <ReceiveTab labId={labId} /> },
            { key: 'results', label: t('labResults.tabs.results'), children: <ResultsTab labId={labId} /> },
            { key: 'board', label: t('labResults.tabs.board'), children: <BoardTab labId={labId} /> },
            {
              key: 'positives',
              label: t('labResults.tabs.positives'),
              children: <PositivesTab labId={labId} />,
            },
            ...(canCorrect
              ? [{ key: 'correct', label: t('labResults.tabs.correct'), children: <CorrectTab /> }]
              : []),
          ]}
        />
      )}
    </Flex>
  );
}
