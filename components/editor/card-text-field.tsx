"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";

const IDLE_MS = 700;

/**
 * A text area that saves as the person types (after a short pause, and on leaving it).
 * While it has focus, changes arriving from elsewhere do not overwrite what is being typed.
 */
export function CardTextField({
  label,
  hint,
  value,
  maxLength,
  onCommit,
}: {
  label: string;
  hint?: string;
  value: string;
  maxLength: number;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const committed = useRef(value);
  const latest = useRef({ draft, onCommit });
  useLayoutEffect(() => {
    latest.current = { draft, onCommit };
  });

  useEffect(() => {
    committed.current = value;
    if (!focused.current) setDraft(value);
  }, [value]);

  const commit = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (next !== committed.current) {
      committed.current = next;
      latest.current.onCommit(next);
    }
  };

  // Switching to another annotation mid-sentence still saves the sentence.
  useEffect(
    () => () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      if (latest.current.draft !== committed.current) latest.current.onCommit(latest.current.draft);
    },
    [],
  );

  return (
    <div>
      <label htmlFor={id} className="block text-xs font-semibold text-stone-700">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={draft}
        maxLength={maxLength}
        rows={3}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm"
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          commit(draft);
        }}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), IDLE_MS);
        }}
      />
    </div>
  );
}
