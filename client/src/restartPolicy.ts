/**
 * What to do when the language server dies or its connection fails, and what to tell the
 * user. Pure (no `vscode` import), so that it is tested without an editor; serverHealth.ts
 * plugs it into the language client.
 *
 * The server is restarted after each crash, up to `maxRestarts` crashes within `windowMs`;
 * beyond that it stays stopped. Crashes less than `windowMs` apart form one episode, and
 * the user hears of an episode once: when it starts ("restarted"), and once more only if
 * the client gives up on the server, which the user must know to reload the window.
 */
import { plural } from '../../server/src/core/plural';

export interface RestartLimits {
  maxRestarts: number;
  windowMs: number;
  /** Connection errors tolerated (the client counts them) before the client shuts the server down. */
  maxConnectionErrors: number;
}

export const defaultRestartLimits: RestartLimits = { maxRestarts: 4, windowMs: 3 * 60_000, maxConnectionErrors: 3 };

export interface HealthState {
  /** Times of the crashes of the current episode that are still within the window. */
  crashTimes: number[];
  /** True once the user has been told of the current episode. */
  told: boolean;
  /** True once the client has given up on the server. */
  stopped: boolean;
}

export const initialHealth: HealthState = { crashTimes: [], told: false, stopped: false };

export interface Notice {
  severity: 'warning' | 'error';
  message: string;
}

export interface HealthDecision {
  state: HealthState;
  /** Restart after a crash; keep going after a connection error. */
  carryOn: boolean;
  /** A line for the output channel, always given. */
  log: string;
  /** Shown to the user; at most once per episode, plus once when giving up. */
  notice?: Notice;
}

const OUTPUT_HINT = 'See the Seed Curator output for details.';
const RELOAD_HINT = 'Reload the window to start it again.';

/** The server's connection closed when the client did not ask it to. */
export function onServerClosed(state: HealthState, now: number, limits = defaultRestartLimits): HealthDecision {
  if (state.stopped) return { state, carryOn: false, log: 'The Seed Curator server is stopped and will not be restarted.' };
  const recent = [...state.crashTimes.filter((time) => now - time < limits.windowMs), now];
  const newEpisode = recent.length === 1;
  const told = state.told && !newEpisode;
  const minutes = Math.round(limits.windowMs / 60_000);
  if (recent.length > limits.maxRestarts) {
    const message = `The Seed Curator server stopped unexpectedly ${recent.length} times in ${minutes} minutes and will not be restarted. ${RELOAD_HINT} ${OUTPUT_HINT}`;
    return { state: { crashTimes: recent, told: true, stopped: true }, carryOn: false, log: message, notice: { severity: 'error', message } };
  }
  const log = `The Seed Curator server stopped unexpectedly (${plural(recent.length, 'time')} in ${minutes} minutes); restarting it.`;
  const decision: HealthDecision = { state: { crashTimes: recent, told: true, stopped: false }, carryOn: true, log };
  if (!told) decision.notice = { severity: 'warning', message: `The Seed Curator server stopped unexpectedly and has been restarted. ${OUTPUT_HINT}` };
  return decision;
}

/** Reading from or writing to the server failed; `count` is the client's count of such errors. */
export function onConnectionError(state: HealthState, count: number | undefined, limits = defaultRestartLimits): HealthDecision {
  if (state.stopped) return { state, carryOn: false, log: 'The Seed Curator server is stopped.' };
  if (count === undefined || count <= limits.maxConnectionErrors) {
    return { state, carryOn: true, log: `The connection to the Seed Curator server failed (error ${count ?? 1}); carrying on.` };
  }
  const message = `The connection to the Seed Curator server keeps failing, so it has been stopped. ${RELOAD_HINT} ${OUTPUT_HINT}`;
  return { state: { ...state, told: true, stopped: true }, carryOn: false, log: message, notice: { severity: 'error', message } };
}
