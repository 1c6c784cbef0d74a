import type { WorkflowRunEvent } from '../../api/types';
import { workflowApi } from '../../api/workflow';
import { Badge, type BadgeTone } from '../../components/Badge';
import { ErrorState, Spinner } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { formatPreciseDateTime, isoString } from '../../lib/format';

const EVENT_TONES: Record<string, BadgeTone> = {
  RunStarted: 'info',
  StateEntered: 'info',
  TaskSucceeded: 'success',
  RunSucceeded: 'success',
  TaskFailed: 'danger',
  ErrorCaught: 'danger',
  RunFailed: 'danger',
  RetryScheduled: 'warning',
  WaitStarted: 'warning',
  RunAborted: 'neutral',
  RunRedriven: 'accent',
};

function EventDetail({ detail }: { detail: WorkflowRunEvent['detail'] }) {
  if (detail === null || detail === undefined) return null;
  return (
    <details className="run-event__detail">
      <summary>Detail</summary>
      <pre className="code-block" data-testid="run-event-detail">
        {JSON.stringify(detail, null, 2)}
      </pre>
    </details>
  );
}

interface RunHistoryProps {
  runId: string;
  /** Changes when the run may have changed (after a retry), to load it again. */
  version: number;
}

/** A run's facts and its events, oldest first. */
export function RunHistory({ runId, version }: RunHistoryProps) {
  const run = useAsync(() => workflowApi.run(runId), [runId, version]);
  const data = run.data?.runId === runId ? run.data : undefined;

  if (!data) {
    if (run.loading) return <Spinner label="Loading the run's history…" />;
    return <ErrorState error={run.error} title="We could not load this run" onRetry={run.reload} />;
  }

  const events = [...(data.events ?? [])].sort((a, b) => a.seq - b.seq);

  return (
    <div className="run-history" data-testid="run-history" data-run-id={data.runId}>
      <div className="run-history__head">
        <h3 className="subsection-title">History of run {data.runId}</h3>
        <button type="button" className="button button--ghost button--small" onClick={run.reload} disabled={run.loading}>
          {run.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <dl className="facts run-history__facts">
        <div>
          <dt>Workflow</dt>
          <dd>{data.workflow}</dd>
        </div>
        <div>
          <dt>Current state</dt>
          <dd>{data.currentState || '—'}</dd>
        </div>
        <div>
          <dt>Attempt</dt>
          <dd>{data.attempt}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatPreciseDateTime(data.createdAt) || '—'}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatPreciseDateTime(data.updatedAt) || '—'}</dd>
        </div>
        {data.nextAttemptAt && (
          <div>
            <dt>Next attempt</dt>
            <dd>{formatPreciseDateTime(data.nextAttemptAt)}</dd>
          </div>
        )}
      </dl>
      {(data.error || data.cause) && (
        <div className="failure-reason run-history__error">
          {data.error && <p className="failure-reason__text">{data.error}</p>}
          {data.cause && <pre className="code-block code-block--plain">{data.cause}</pre>}
        </div>
      )}
      {events.length === 0 ? (
        <p className="muted">No events recorded yet.</p>
      ) : (
        <ol className="run-events" aria-label={`Events of run ${data.runId}`}>
          {events.map((event) => (
            <li key={event.seq} className="run-event" data-testid="run-event" data-type={event.type} data-seq={event.seq}>
              <time className="run-event__time" dateTime={isoString(event.at)}>
                {formatPreciseDateTime(event.at)}
              </time>
              <span className="run-event__type">
                <Badge tone={EVENT_TONES[event.type] ?? 'neutral'}>{event.type}</Badge>
              </span>
              <span className="run-event__state">{event.state || '—'}</span>
              <EventDetail detail={event.detail} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
