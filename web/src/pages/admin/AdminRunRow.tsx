import { useState, type MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client';
import type { WorkflowRun } from '../../api/types';
import { workflowApi } from '../../api/workflow';
import { RunStatusBadge } from '../../components/Badge';
import { useToast } from '../../components/toastContext';
import { formatPreciseDateTime, isoString } from '../../lib/format';
import { shortOrderId } from '../../lib/orders';
import { RunHistory } from './RunHistory';

interface AdminRunRowProps {
  run: WorkflowRun;
  columns: number;
  expanded: boolean;
  onToggle: () => void;
  onRetried: (run: WorkflowRun) => void;
  /** The run changed under us (someone else retried it): the list should be loaded again. */
  onStale: () => void;
}

/** A click anywhere on the row opens the history, except on the row's own links and buttons. */
function fromControl(event: MouseEvent<HTMLElement>): boolean {
  return event.target instanceof Element && event.target.closest('a, button, input, select, textarea, summary') !== null;
}

export function AdminRunRow({ run, columns, expanded, onToggle, onRetried, onStale }: AdminRunRowProps) {
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const historyId = `run-history-${run.runId}`;
  const canRetry = run.status === 'Failed' && run.retryable;

  const onRetry = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await workflowApi.retryRun(run.runId);
      onRetried({ ...run, ...saved });
      setVersion((n) => n + 1);
      notify('The run is started again.');
    } catch (failure) {
      setError(errorMessage(failure));
      if (isApiError(failure, 'RunNotRetryable') || isApiError(failure, 'NotFound')) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <tr
        className={`run-row${expanded ? ' run-row--expanded' : ''}`}
        data-testid="run-row"
        data-run-id={run.runId}
        data-status={run.status}
        onClick={(event) => {
          if (!fromControl(event)) onToggle();
        }}
      >
        <td data-label="Run" className="cell-strong">
          <button
            type="button"
            className="link-button cell-mono"
            aria-expanded={expanded}
            aria-controls={expanded ? historyId : undefined}
            onClick={onToggle}
            data-testid="run-open"
          >
            <span className="visually-hidden">{expanded ? 'Hide history of run ' : 'Show history of run '}</span>
            {run.runId}
          </button>
          {error && (
            <p className="cell-error" role="alert">
              {error}
            </p>
          )}
        </td>
        <td data-label="Workflow">{run.workflow}</td>
        <td data-label="Order">
          {run.orderId ? (
            <Link to={`/orders/${encodeURIComponent(run.orderId)}`} title={run.orderId} data-testid="run-order-link">
              <span className="visually-hidden">Order </span>
              {shortOrderId(run.orderId)}
            </Link>
          ) : (
            '—'
          )}
        </td>
        <td data-label="Status">
          <RunStatusBadge status={run.status} />
        </td>
        <td data-label="State" className="cell-wrap">
          {run.currentState || '—'}
          {run.error && <p className="cell-sub">{run.error}</p>}
        </td>
        <td data-label="Attempt" className="cell-number">
          {run.attempt}
        </td>
        <td data-label="Updated">
          <time dateTime={isoString(run.updatedAt)}>{formatPreciseDateTime(run.updatedAt) || '—'}</time>
          {run.nextAttemptAt && <p className="cell-sub">Next try {formatPreciseDateTime(run.nextAttemptAt)}</p>}
        </td>
        <td data-label="" className="cell-actions">
          {canRetry && (
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy}
              aria-busy={busy || undefined}
              aria-label={`Retry run ${run.runId}`}
              onClick={onRetry}
              data-testid={`retry-run-${run.runId}`}
            >
              {busy ? 'Retrying…' : 'Retry'}
            </button>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="run-detail-row">
          <td colSpan={columns} id={historyId}>
            <RunHistory runId={run.runId} version={version} />
          </td>
        </tr>
      )}
    </>
  );
}
