import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { WORKFLOW_RUN_STATUSES, type WorkflowRun, type WorkflowRunStatus } from '../../api/types';
import { workflowApi } from '../../api/workflow';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminRunRow } from './AdminRunRow';
import { AdminTable } from './AdminTable';

const COLUMNS = ['Run', 'Workflow', 'Order', 'Status', 'State', 'Attempt', 'Updated'];

/** The order workflow's runs: what each is doing, why it failed, and a way to start a failed one again. */
export function RunsTab() {
  const [params] = useSearchParams();
  const [status, setStatus] = useState<WorkflowRunStatus | ''>(() => {
    const requested = params.get('status');
    return WORKFLOW_RUN_STATUSES.find((item) => item === requested) ?? '';
  });
  const [orderIdInput, setOrderIdInput] = useState(() => params.get('orderId') ?? '');
  const orderId = useDebouncedValue(orderIdInput.trim(), 350);
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const runs = usePagedList((nextToken) => workflowApi.runs({ status, orderId }, nextToken), [status, orderId]);
  const filtered = Boolean(status || orderId);

  const onRetried = (saved: WorkflowRun) => {
    runs.replaceItem((item) => item.runId === saved.runId, saved);
    runs.refresh();
  };

  return (
    <div className="admin-section" data-testid="admin-runs">
      <div className="panel__head">
        <p className="muted">Background runs that confirm orders and send their emails, newest first.</p>
        <button type="button" className="button button--ghost button--small" onClick={runs.reload}>
          Refresh
        </button>
      </div>
      <form className="filters filters--inline" aria-label="Filter workflow runs" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          name="status"
          value={status}
          onValue={(value) => setStatus(value as WorkflowRunStatus | '')}
          data-testid="runs-status-filter"
        >
          <option value="">All statuses</option>
          {WORKFLOW_RUN_STATUSES.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Order ID"
          name="orderId"
          type="search"
          value={orderIdInput}
          onValue={setOrderIdInput}
          placeholder="order-…"
          autoComplete="off"
          spellCheck={false}
          data-testid="runs-order-filter"
        />
      </form>

      <AdminTable
        list={runs}
        noun="workflow runs"
        empty={
          <EmptyState title={filtered ? 'No runs match' : 'No workflow runs yet'}>
            <p>Each order placed starts a run; it shows up here within a moment.</p>
          </EmptyState>
        }
        columns={COLUMNS}
        actions
        className="runs-table"
        row={(run) => (
          <AdminRunRow
            key={run.runId}
            run={run}
            columns={COLUMNS.length + 1}
            expanded={openRunId === run.runId}
            onToggle={() => setOpenRunId((current) => (current === run.runId ? null : run.runId))}
            onRetried={onRetried}
            onStale={runs.refresh}
          />
        )}
      />
    </div>
  );
}
