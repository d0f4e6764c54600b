import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { fetchPersonStory, type StoryEvent, storyKeys } from './api';

const TONE_COLORS: Record<StoryEvent['tone'], string> = {
  normal: 'blue',
  good: 'green',
  warning: 'orange',
  danger: 'red',
};

/** The viewer's local calendar day of an instant (YYYY-MM-DD), written as every page writes a day. */
function dayOf(iso: string, language: Language): { key: string; label: string } {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const key = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return { key, label: formatDay(key, language) };
}

interface Day {
  key: string;
  label: string;
  events: StoryEvent[];
}

function byDay(events: readonly StoryEvent[], language: Language): Day[] {
  const days: Day[] = [];
  for (const event of events) {
    const { key, label } = dayOf(event.at, language);
    const last = days.at(-1);
    if (last?.key === key) last.events.push(event);
    else days.push({ key, label, events: [event] });
  }
  return days;
}

function EventContent({ event, source }: { event: StoryEvent; source: string }) {
  const { language } = useLanguage();
  const title = pickText(language, event.title.zh, event.title.en);
  return (
    <Flex vertical gap={2} data-testid="story-event" data-source={event.source}>
      <Flex gap={8} align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
          {formatTime(event.at, language)}
        </Typography.Text>
        <Tag bordered={false} style={{ fontSize: 12, lineHeight: '18px', marginInlineEnd: 0 }}>
          {source}
        </Tag>
      </Flex>
      {event.href ? (
        <Link to={event.href} data-testid="story-event-link">
          {title}
        </Link>
      ) : (
        <Typography.Text strong={event.tone === 'danger'}>{title}</Typography.Text>
      )}
      {event.detail ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {pickText(language, event.detail.zh, event.detail.en)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/**
 * A person's whole story (issue 13 Deliver 3): one timeline, newest first and grouped by day, of
 * what every source the viewer may read recorded about the person; chips filter it by source.
 */
export function PersonStory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery({ queryKey: storyKeys.person(personId), queryFn: () => fetchPersonStory(personId) });
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const story = query.data;
  const names = useMemo(
    () =>
      new Map(
        (story?.sources ?? []).map((source) => [
          source.id,
          pickText(language, source.label.zh, source.label.en),
        ]),
      ),
    [story, language],
  );
  const days = useMemo(() => {
    const events = (story?.events ?? []).filter((event) => shown.size === 0 || shown.has(event.source));
    return byDay(events, language);
  }, [story, shown, language]);
  const counts = useMemo(() => {
    const result = new Map<string, number>();
    for (const event of story?.events ?? []) result.set(event.source, (result.get(event.source) ?? 0) + 1);
    return result;
  }, [story]);
  const toggle = (id: string, on: boolean) =>
    setShown((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Card title={t('story.title')} style={{ marginTop: 16 }} data-testid="person-story">
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.isPending ? <Skeleton active /> : null}
      {story ? (
        <Flex vertical gap={12}>
          {story.sources.length > 1 ? (
            <Flex wrap gap={6} role="group" aria-label={t('story.filter')} data-testid="story-filters">
              <Tag.CheckableTag checked={shown.size === 0} onChange={() => setShown(new Set())}>
                {t('story.all')} {story.events.length}
              </Tag.CheckableTag>
              {story.sources.map((source) => (
                <Tag.CheckableTag
                  key={source.id}
                  checked={shown.has(source.id)}
                  onChange={(on) => toggle(source.id, on)}
                  data-testid={`story-filter-${source.id}`}
                >
                  {names.get(source.id)} {counts.get(source.id) ?? 0}
                </Tag.CheckableTag>
              ))}
            </Flex>
          ) : null}
          {story.truncated ? (
            <Alert type="info" showIcon title={t('story.truncated', { count: story.events.length })} />
          ) : null}
          {days.length === 0 ? <Empty description={t('story.empty')} /> : null}
          {days.map((day) => (
            <section key={day.key} data-testid="story-day">
              <Typography.Title level={5} style={{ margin: '0 0 12px' }}>
                {day.label}
              </Typography.Title>
              <Timeline
                items={day.events.map((event, index) => ({
                  key: `${event.at}:${index}`,
                  color: TONE_COLORS[event.tone],
                  content: <EventContent event={event} source={names.get(event.source) ?? ''} />,
                }))}
              />
            </section>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
