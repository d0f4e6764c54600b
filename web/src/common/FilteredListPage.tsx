import { Alert, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert';

/** A page of one paged list: a title, what the list is for, a filter, and the table. */
interface FilteredListPageProps<Row, Filter extends string> {
  title: string;
  intro: string;
  filter: Filter;
  filters: Array<{ value: Filter; label: string }>;
  /** A new filter shows its first page. */
  onFilter: (filter: Filter) => void;
  testId: string;
  columns: TableColumnsType<Row>;
  rows: Row[] | undefined;
  total: number | undefined;
  loading: boolean;
  error: unknown;
  empty: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  showTotal: (total: number) => string;
  /** A modal the page opens over the list. */
  children?: ReactNode;
}

export function FilteredListPage<Row extends { id: string }, Filter extends string>(
  props: FilteredListPageProps<Row, Filter>,
) {
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {props.title}
      </Typography.Title>
      <Alert type="info" showIcon message={props.intro} style={{ marginBottom: 16 }} />
      <Segmented<Filter>
        value={props.filter}
        onChange={props.onFilter}
        options={props.filters}
        style={{ marginBottom: 16 }}
      />
      {props.error ? <ProblemAlert error={props.error} /> : null}
      <Table<Row>
        data-testid={props.testId}
        rowKey="id"
        size="middle"
        columns={props.columns}
        dataSource={props.rows ?? []}
        loading={props.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: props.empty }}
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          total: props.total ?? 0,
          showTotal: props.showTotal,
          onChange: props.onPage,
        }}
      />
      {props.children}
    </>
  );
}
