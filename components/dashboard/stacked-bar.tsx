export interface BarPart {
  key: string;
  label: string;
  value: number;
  /** A Tailwind background class. */
  colour: string;
}

/**
 * A thin stacked bar with its numbers written out beside it: the colours help the eye, the
 * text carries the meaning.
 */
export function StackedBar({ parts, label, emptyLabel, compact = false }: { parts: BarPart[]; label: string; emptyLabel: string; compact?: boolean }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const shown = parts.filter((p) => p.value > 0);
  return (
    <figure className="min-w-40">
      <div role="img" aria-label={`${label}: ${total === 0 ? emptyLabel : shown.map((p) => `${p.value} ${p.label}`).join(", ")}`} className="flex h-2 w-full overflow-hidden rounded-full bg-stone-100">
        {shown.map((p) => (
          <span key={p.key} className={`${p.colour} h-full border-r border-white last:border-r-0`} style={{ width: `${(p.value / total) * 100}%` }} />
        ))}
      </div>
      <figcaption aria-hidden="true" className={`mt-1 flex flex-wrap gap-x-2 gap-y-0.5 text-stone-600 ${compact ? "text-[11px]" : "text-xs"}`}>
        {total === 0 ? (
          <span>{emptyLabel}</span>
        ) : (
          shown.map((p) => (
            <span key={p.key} className="inline-flex items-center gap-1 whitespace-nowrap">
              <span className={`${p.colour} inline-block h-2 w-2 rounded-sm`} />
              <span className="tabular-nums">{p.value}</span> {p.label}
            </span>
          ))
        )}
      </figcaption>
    </figure>
  );
}
