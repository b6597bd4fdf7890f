/** The scenarios the demo page can run (also accepted by `?autorun=`). */
export const SCENARIO_NAMES = ['correct', 'two-clients', 'switch-leak', 'effect-no-cleanup', 'correct-switch'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** One StreamChat instance the page created, as shown in the page's client list. */
export interface DemoClientInfo {
  id: number;
  scenario: ScenarioName;
  label: string;
  userId: string | undefined;
  state: 'idle' | 'connecting' | 'connected' | 'offline' | 'disconnected' | 'error';
  connectionId: string | undefined;
}

/** The test hook the page installs as `window.demo`. */
export interface DemoApi {
  /** Runs a scenario; resolves when all its connectUser calls resolved, rejects on the first error. */
  run(name: ScenarioName): Promise<void>;
  /** Runs a card of the integration checklist (permissions, queryChannels, rate limits). */
  checklist(name: import('./checklistScenarios').ChecklistScenarioName): Promise<void>;
  /** Unmounts the scenario components and disconnects every client the page created. */
  disconnectAll(): Promise<void>;
  /** How many StreamChat instances the page currently tracks (created since the last disconnectAll). */
  clientCount(): number;
  /** A snapshot of the tracked clients. */
  clients(): DemoClientInfo[];
}

declare global {
  interface Window {
    demo: DemoApi;
  }
}
