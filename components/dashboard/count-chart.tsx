"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartDatum {
  label: string;
  value: number;
  colour: string;
}

/**
 * A bar chart of labelled counts: each bar has its name on the axis and its number on the
 * bar (colour is never the only cue), and a table with the same numbers for screen readers.
 */
export function CountChart({ title, data, height = 180, layout = "horizontal", denseAxis = false }: { title: string; data: ChartDatum[]; height?: number; layout?: "horizontal" | "vertical"; denseAxis?: boolean }) {
  const vertical = layout === "vertical";
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-3">
      <figcaption className="text-sm font-semibold text-stone-800">{title}</figcaption>
      <div aria-hidden="true" style={{ height }} className="mt-2">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 16, right: vertical ? 32 : 8, bottom: 0, left: vertical ? 8 : -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" horizontal={!vertical} vertical={vertical} />
            {vertical ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#57534e" }} />
                <YAxis type="category" dataKey="label" width={118} tick={{ fontSize: 11, fill: "#292524" }} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" interval={denseAxis ? "preserveStartEnd" : 0} minTickGap={12} tick={{ fontSize: 11, fill: "#292524" }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#57534e" }} />
              </>
            )}
            <Tooltip cursor={{ fill: "#f5f5f4" }} />
            <Bar dataKey="value" isAnimationActive={false} radius={2}>
              {data.map((d) => (
                <Cell key={d.label} fill={d.colour} />
              ))}
              <LabelList dataKey="value" position={vertical ? "right" : "top"} style={{ fontSize: 11, fill: "#292524" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
