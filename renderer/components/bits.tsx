import { useEffect, useRef, type ReactNode } from 'react';
import type { Source } from '../../src/api/contract';
import { STATUS_SV, severityLabel } from '../lib/format';
import { useNav } from '../state/nav';

export function Sev({ n }: { n: number }) {
  return <span className={`sev sev-${n}`} title={`Allvarlighet ${n}: ${severityLabel(n)}`}>{n}</span>;
}

export function StatusBadge({ status, changed }: { status: string; changed?: boolean }) {
  return (
    <span className={`badge st-${status}`}>
      {STATUS_SV[status] ?? status}
      {changed ? ' • ändrad' : ''}
    </span>
  );
}

/** Entity names are rendered as React text nodes only (never HTML). */
export function EntityLink({ id, label }: { id: string; label?: string | null }) {
  const go = useNav((s) => s.go);
  return (
    <button type="button" className="linkbtn" onClick={() => go('entity', id)} title={id}>
      {label || id}
    </button>
  );
}

export function SourceTag({ source, text }: { source?: Source | null; text?: string | null }) {
  const t = text ?? (source ? `${source.file}${source.line != null ? `:${source.line}` : ''}` : null);
  if (!t) return null;
  const title = source ? `Datamängd: ${source.datasetName ?? source.datasetId ?? '–'}; inläst ${source.importedAt ?? '–'}` : undefined;
  return <span className="src" title={title}>{t}</span>;
}

export function Dialog({ title, children, onClose }: { title: string; children: ReactNode; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves in once on open and back on close, however often the parent re-renders with a new onClose.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('textarea, input, select, button')?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') close.current(); };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); prev?.focus(); };
  }, []);
  return (
    <div className="dialog-back" onMouseDown={(e) => { if (e.target === e.currentTarget) close.current(); }}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function ErrorBox({ error }: { error: string | null }) {
  return error ? <div className="notice err" role="alert">{error}</div> : null;
}

export function Loading({ what }: { what?: string }) {
  return <p className="muted" aria-live="polite">Laddar{what ? ` ${what}` : ''} …</p>;
}
