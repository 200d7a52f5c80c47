import { Loader, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Pager } from './pager';

interface TPageOf<T> {
  items: T[];
  pageSize: number;
  total: number;
}

interface TPagedTableProps<T extends { id: string }> {
  /** The current page's answer; undefined while the first page loads. */
  data: TPageOf<T> | undefined;
  pending: boolean;
  /** Accessible name of the loader shown while the first page loads. */
  loadingLabel: string;
  emptyText: string;
  /** Accessible name of the pager's navigation landmark. */
  pagerLabel: string;
  minWidth: number;
  page: number;
  onPageChange: (page: number) => void;
  /** The header cells (`<Table.Th scope="col">`). */
  head: ReactNode;
  /** One `<Table.Tr>` per item. */
  row: (item: T) => ReactNode;
}

/** A paged list: a loader while the first page loads, a text when it is empty, otherwise a striped table and a pager. */
export function PagedTable<T extends { id: string }>({
  data,
  pending,
  loadingLabel,
  emptyText,
  pagerLabel,
  minWidth,
  page,
  onPageChange,
  head,
  row,
}: TPagedTableProps<T>) {
  return (
    <>
      {pending ? <Loader aria-label={loadingLabel} /> : null}
      {data && data.items.length === 0 ? <Text>{emptyText}</Text> : null}
      {data && data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Fragment key={item.id}>{row(item)}</Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? (
        <Pager
          page={page}
          pageSize={data.pageSize}
          total={data.total}
          label={pagerLabel}
          onChange={onPageChange}
        />
      ) : null}
    </>
  );
}
