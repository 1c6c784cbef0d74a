export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="16" fill="#dcebf7" />
      <path d="M12 6h8v3l2.5 4.5V25a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2V13.5L12 9z" fill="#fff" stroke="#2f6fb0" strokeWidth="1.6" strokeLinejoin="round" />
      <rect x="11.5" y="4.5" width="9" height="3" rx="1" fill="#e0893a" />
      <path d="M10 16.5c2 1.2 4 1.2 6 0s4-1.2 6 0V25a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 10 25z" fill="#cfe3f4" />
    </svg>
  );
}
