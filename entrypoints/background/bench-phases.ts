// The bench build only (REGULARS_BENCH=1): where this worker spends an import's time, summed per
// phase, for tests/bench to read off the service worker (globalThis.regularsImportPhases).
import { onImportPhase } from '@/lib/background/import/phases';
import type { SenderInfo } from '@/lib/messaging/router';

declare global {
  interface ImportMetaEnv {
    /** Set by wxt.config.ts in the bench build only. */
    readonly REGULARS_BENCH?: boolean;
  }
}

type Route = (message: unknown, sender: SenderInfo) => Promise<unknown>;

/** Sums the import's phases, and each message's whole time in the router (validation and handler), under `route.<name>`. */
export function benchPhases(route: Route): Route {
  const phases: Record<string, number> = {};
  const add = (phase: string, ms: number) => (phases[phase] = (phases[phase] ?? 0) + ms);
  onImportPhase(add);
  (globalThis as unknown as { regularsImportPhases: unknown }).regularsImportPhases = {
    read: () => ({ ...phases }),
    reset: () => {
      for (const key of Object.keys(phases)) delete phases[key];
    },
  };
  return async (message, sender) => {
    const name = (message as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name.startsWith('orders.')) return route(message, sender);
    const t = performance.now();
    try {
      return await route(message, sender);
    } finally {
      add(`route.${name}`, performance.now() - t);
    }
  };
}
