/** What the article page shows while its annotations are on their way (a moment, streamed in the same response). */
export function WorkspaceLoading({ title }: { title: string }) {
  return (
    <main className="flex h-[calc(100vh-3.3rem)] min-h-[32rem] flex-col" aria-busy="true" data-testid="workspace-loading">
      <div className="border-b border-stone-200 bg-white px-6 py-3">
        <p className="text-xl font-semibold text-stone-900">{title}</p>
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(0,1fr)_19rem_25rem]">
        <div className="min-h-0 bg-white">
          <div className="mx-auto max-w-[68ch] px-6 py-8">
            <div className="fm-article min-h-64 animate-pulse rounded bg-stone-100" aria-hidden="true" />
          </div>
        </div>
        <div className="hidden border-l border-stone-200 bg-stone-50 lg:block" />
        <div className="hidden border-l border-stone-200 bg-stone-50 lg:block" />
      </div>
    </main>
  );
}
