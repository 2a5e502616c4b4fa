import { useEffect, useId, useState } from 'react';
import { isIsoDate } from '../../src/model/dates';

/**
 * A date field that reads and writes ÅÅÅÅ-MM-DD whatever the browser's language (a native date
 * input shows the OS locale, e.g. MM/DD/YYYY, in the loopback workbench). Invalid text is kept
 * and explained, never silently dropped; empty means "no date".
 */
export function DateInput({ value, onChange, onInvalid, label, id }: {
  value: string | null; onChange: (date: string | null) => void; onInvalid?: (invalid: boolean) => void; label: string; id?: string;
}) {
  const own = useId();
  const inputId = id ?? own;
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const invalid = text.trim() !== '' && !isIsoDate(text.trim());
  const commit = (t: string) => {
    setText(t);
    const v = t.trim();
    onInvalid?.(v !== '' && !isIsoDate(v));
    if (v === '') onChange(null);
    else if (isIsoDate(v)) onChange(v);
  };
  return (
    <span className="date-input">
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        lang="sv-SE"
        aria-label={label}
        placeholder="ÅÅÅÅ-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        maxLength={10}
        size={11}
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${inputId}-err` : undefined}
        onChange={(e) => commit(e.target.value)}
      />
      {invalid && <span id={`${inputId}-err`} className="error-text small" role="alert">Skriv datumet som ÅÅÅÅ-MM-DD</span>}
    </span>
  );
}
