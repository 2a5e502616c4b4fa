import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../src/api/contract';
import { api } from '../api';
import { KIND_SV } from '../lib/format';
import { useNav } from '../state/nav';

/** Top-bar search; Ctrl+K focuses it. Matching (fuzzy, diacritics, id forms) is done by the core. */
export function GlobalSearch() {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<SearchResult[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const go = useNav((s) => s.go);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) { setItems([]); return; }
    let stale = false;
    const t = setTimeout(() => {
      void api.search({ q: query, limit: 20 }).then((env) => {
        if (stale) return;
        setItems(env.ok ? env.value.items : []);
        setActive(0);
        setOpen(true);
      });
    }, 150);
    return () => { stale = true; clearTimeout(t); };
  }, [q]);

  const pick = (r: SearchResult) => {
    setOpen(false);
    setQ('');
    go('entity', r.id);
  };

  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Sök bolag, person, tillstånd eller adress"
        placeholder="Sök namn, personnummer, org.nr … (Ctrl+K)"
        value={q}
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls="search-results"
        onChange={(e) => setQ(e.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, items.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
          else if (e.key === 'Enter' && items[active]) pick(items[active]);
          else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && q.trim().length >= 2 && (
        <ul className="results" id="search-results" role="listbox">
          {items.length === 0 && <li className="muted">Inga träffar</li>}
          {items.map((r, i) => (
            <li key={`${r.kind}:${r.id}`} role="option" aria-selected={i === active} onMouseDown={() => pick(r)}>
              <span className="badge">{KIND_SV[r.kind] ?? r.kind}</span>
              <span className="ellipsis">{r.label}</span>
              <span className="muted small mono">{r.detail ?? r.id}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
