import { lazy, Suspense, useEffect } from 'react';
import { VIEWS, formatHash, type ViewId } from '../state/route';
import { startHashSync, useNav } from '../state/nav';
import { useToasts } from '../state/toast';
import { GlobalSearch } from './Search';
import { OverviewView } from '../views/Overview';
import { AlertsView } from '../views/Alerts';
import { EntityView } from '../views/Entity';
import { ImportView } from '../views/Import';
import { RulesView } from '../views/Rules';
import { CasesView } from '../views/Cases';
import { LogView } from '../views/Log';
import { ReviewView } from '../views/Review';
// issue 15: entity resolution
import { MatchesView } from '../views/Matches';
import { Loading } from '../components/bits';
// Monitoring across imports (issue 11).
import { ChangesView } from '../views/Changes';

// The canvas (sigma + graphology) is the heaviest part; load it when first opened.
const NetworkView = lazy(() => import('../views/Network').then((m) => ({ default: m.NetworkView })));

function ViewSwitch({ view, arg }: { view: ViewId; arg: string | null }) {
  switch (view) {
    case 'overview': return <OverviewView />;
    case 'alerts': return <AlertsView hitKey={arg} />;
    case 'entity': return <EntityView id={arg} />;
    case 'network': return <Suspense fallback={<Loading what="nätverksvyn" />}><NetworkView focus={arg} /></Suspense>;
    case 'import': return <ImportView />;
    case 'rules': return <RulesView />;
    case 'cases': return <CasesView caseId={arg} />;
    case 'log': return <LogView />;
    case 'review': return <ReviewView />;
    case 'changes': return <ChangesView />;
    case 'matches': return <MatchesView />;
  }
}

export function App() {
  const { view, arg, go } = useNav();
  const toasts = useToasts();

  useEffect(() => startHashSync(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      // By physical key: Alt+digit or Alt+letter types another character on some layouts (macOS).
      const pressed = /^(Digit|Key)/.test(e.code) ? e.code.replace(/^(Digit|Key)/, '').toLowerCase() : e.key.toLowerCase();
      const v = VIEWS.find((x) => x.key === pressed);
      if (v) { e.preventDefault(); go(v.id); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
  useEffect(() => {
    const label = VIEWS.find((v) => v.id === view)?.label ?? '';
    document.title = `${label} – Insyn`;
  }, [view]);

  return (
    <div className="app" data-view={view}>
      <a className="skip-link" href="#main">Hoppa till innehållet</a>
      <div className="brand">Insyn<small>arbetsbänk</small></div>
      <header className="topbar">
        <GlobalSearch />
        <span className="spacer" />
        <span className="status">Alt+0–9 och Alt+M byter vy · Ctrl+K söker</span>
      </header>
      <nav className="sidenav" aria-label="Vyer">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a
                href={formatHash({ view: v.id, arg: null })}
                aria-current={view === v.id ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${v.key.toUpperCase()}`}
                onClick={(e) => { e.preventDefault(); go(v.id, v.id === view ? arg : undefined); }}
              >
                {v.label}
                <kbd>Alt+{v.key.toUpperCase()}</kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className={view === 'network' ? 'main fill' : 'main'} tabIndex={-1}>
        <ViewSwitch view={view} arg={arg} />
      </main>
      <div className="toasts" aria-live="polite">
        {toasts.toasts.map((t) => (
          <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
            <span>{t.text}</span>
            {t.undo && (
              <button type="button" onClick={() => { void t.undo?.(); toasts.dismiss(t.id); }}>Ångra</button>
            )}
            <button type="button" aria-label="Stäng" onClick={() => toasts.dismiss(t.id)}>×</button>
          </div>
        ))}
      </div>
    </div>
  );
}
