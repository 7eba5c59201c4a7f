import { useQuery } from '@tanstack/react-query';
import type { TFeedRun } from '../../../shared/feed-schemas.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchFeedRuns, staffConsoleKeys } from './staff-api.ts';

const STATUS_LABELS: Record<TFeedRun['status'], string> = { running: 'Running', completed: 'Completed', failed: 'Failed' };
const SOURCE_LABELS: Record<TFeedRun['source'], string> = { cli: 'File (CLI)', api: 'API' };
const count = (value: number) => value.toLocaleString('en-US');

function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

const COLUMNS: TColumn<TFeedRun, never>[] = [
  { id: 'started', label: 'Started', rowHeader: true, render: (run) => formatDateTime(run.startedAt) },
  { id: 'kind', label: 'Kind', render: (run) => run.kind },
  { id: 'source', label: 'Source', render: (run) => SOURCE_LABELS[run.source] },
  { id: 'actor', label: 'By', render: (run) => run.actor },
  { id: 'duration', label: 'Duration', render: (run) => formatDuration(run.durationMs) },
  { id: 'status', label: 'Status', render: (run) => STATUS_LABELS[run.status] },
  { id: 'read', label: 'Read', render: (run) => count(run.rowsRead) },
  { id: 'inserted', label: 'Inserted', render: (run) => count(run.inserted) },
  { id: 'updated', label: 'Updated', render: (run) => count(run.updated) },
  { id: 'unchanged', label: 'Unchanged', render: (run) => count(run.unchanged) },
  { id: 'failed', label: 'Failed', render: (run) => count(run.failed) },
  { id: 'error', label: 'Error', render: (run) => run.error ?? '' },
];

/** BK-8: the latest loads of the carrier's data feed, by file (CLI) or over HTTP (API), newest first. */
export function FeedRunsPage() {
  return (
    <ToolPage tool="staff-feed-runs">
      {() => (
        <>
          <PageHeading>Data Feed</PageHeading>
          <FeedRuns />
        </>
      )}
    </ToolPage>
  );
}

function FeedRuns() {
  const runs = useQuery({ queryKey: staffConsoleKeys.feedRuns(), queryFn: fetchFeedRuns });
  return (
    <>
      <p className="lead">
        Each load of the carrier&apos;s data feed (groups, clients, policies, applications, payments), from a file on the server or over HTTP with a feed token.
        Failed counts the rows refused; the error says why a whole file stopped.
      </p>
      {runs.error ? <ErrorAlert>{runs.error.message}</ErrorAlert> : null}
      {runs.data ? (
        <DataTable
          caption="The latest 100 feed runs, newest first"
          columns={COLUMNS}
          rows={runs.data.items}
          rowKey={(run) => run.id}
          empty="No feed has been loaded yet."
          busy={runs.isFetching}
        />
      ) : runs.error ? null : (
        <p role="status" className="loading">
          Loading the feed runs…
        </p>
      )}
    </>
  );
}
