import { App, Card, Col, Row, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../common/problemText';
import { useLanguage } from '../i18n/useLanguage';
import type { Jurisdiction } from './api';
import { JurisdictionDetailPanel } from './JurisdictionDetailPanel';
import { JurisdictionSearchBox } from './JurisdictionSearchBox';
import { JurisdictionTreePanel } from './JurisdictionTreePanel';
import { useJurisdictionTree } from './useJurisdictionTree';

export default function JurisdictionsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const tree = useJurisdictionTree();
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const { reveal, reloadChildren } = tree;

  const showNode = useCallback(
    async (code: string) => {
      setSelected(code);
      try {
        const ancestors = await reveal(code);
        setExpanded((current) => [...new Set([...current, ...ancestors])]);
      } catch (error) {
        message.error(problemText(error, language, t));
      }
    },
    [reveal, message, language, t],
  );

  const onGridCreated = useCallback(
    async (grid: Jurisdiction) => {
      if (grid.parentCode) {
        await reloadChildren(grid.parentCode);
        setExpanded((current) => [...new Set([...current, grid.parentCode ?? ''])]);
      }
      setSelected(grid.code);
    },
    [reloadChildren],
  );

  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('nav.jurisdictions')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={9}>
          <Card>
            <JurisdictionSearchBox onPick={(code) => void showNode(code)} />
            <div style={{ marginTop: 12, maxHeight: '65vh', overflow: 'auto' }}>
              <JurisdictionTreePanel
                tree={tree}
                selected={selected}
                expanded={expanded}
                onExpand={setExpanded}
                onSelect={setSelected}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15}>
          <JurisdictionDetailPanel code={selected} onGridCreated={(grid) => void onGridCreated(grid)} />
        </Col>
      </Row>
    </>
  );
}
