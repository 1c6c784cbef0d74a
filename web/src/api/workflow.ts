import { apiList, apiRequest } from './client';
import type { WorkflowRun, WorkflowRunDetail, WorkflowRunFilter } from './types';

const auth = true;

function runPath(runId: string, action?: string): string {
  const path = `/admin/workflow/runs/${encodeURIComponent(runId)}`;
  return action ? `${path}/${action}` : path;
}

/** Background workflow runs; Admin only. */
export const workflowApi = {
  runs: (filter: WorkflowRunFilter, nextToken?: string) =>
    apiList<WorkflowRun>('/admin/workflow/runs', { query: { ...filter, limit: 20, nextToken }, auth }),
  run: (runId: string, signal?: AbortSignal) => apiRequest<WorkflowRunDetail>(runPath(runId), { auth, signal }),
  /** Starts a failed run again from where it failed; 409 `RunNotRetryable` otherwise. */
  retryRun: (runId: string) => apiRequest<WorkflowRun>(runPath(runId, 'retry'), { method: 'POST', body: {}, auth }),
};
