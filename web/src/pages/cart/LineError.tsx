/** What the server said about one cart line, and what the customer can do about it. */
export interface LineProblem {
  message: string;
  /** Offer "Reduce to N" (what is left in stock). */
  reduceTo?: number;
  /** Offer to remove the line (the product is gone or sold out). */
  removable?: boolean;
}

interface LineErrorProps {
  id: string;
  problem?: LineProblem;
  onReduce: (quantity: number) => void;
  onRemove: () => void;
}

/** Always rendered, so screen readers hear the problem when it appears. */
export function LineError({ id, problem, onReduce, onRemove }: LineErrorProps) {
  return (
    <div className="line-error-slot" id={id} aria-live="polite">
      {problem && (
        <div className="line-error" data-testid="line-error">
          <p className="line-error__message">{problem.message}</p>
          {problem.reduceTo !== undefined && (
            <button
              type="button"
              className="button button--small"
              onClick={() => onReduce(problem.reduceTo ?? 1)}
              data-testid="reduce-quantity"
            >
              Reduce to {problem.reduceTo}
            </button>
          )}
          {problem.removable && (
            <button type="button" className="button button--small button--danger-ghost" onClick={onRemove} data-testid="remove-line">
              Remove
            </button>
          )}
        </div>
      )}
    </div>
  );
}
