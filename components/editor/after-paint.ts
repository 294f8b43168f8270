/**
 * Work that must not hold back the next frame: it runs in the first task after the browser
 * has painted (a timeout queued from inside the next animation frame). Whatever is still
 * waiting when the page is hidden (tab closed, reload, navigation) runs at once then, so
 * nothing scheduled here is lost with the page.
 */
const waiting = new Set<() => void>();

function runWaiting() {
  for (const task of [...waiting]) {
    waiting.delete(task);
    task();
  }
}

let listening = false;

export function afterNextPaint(task: () => void): void {
  if (typeof window === "undefined") return task();
  if (!listening) {
    window.addEventListener("pagehide", runWaiting);
    listening = true;
  }
  waiting.add(task);
  const run = () => {
    if (!waiting.delete(task)) return;
    task();
  };
  // A hidden tab gets no animation frames: the timeout alone then runs it.
  if (document.visibilityState === "hidden") setTimeout(run, 0);
  else requestAnimationFrame(() => setTimeout(run, 0));
}
