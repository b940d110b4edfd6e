// In-process RunPorts over a virtual clock, so a simulation runs ComplaintRun exactly as the
// workflow does: the real clock activities (calendar arithmetic), a recorder of what the read
// model would store, every patch on (a simulation runs the newest code), counted link ids.
import type { createClockActivities } from '../activities/clocks.js';
import { DETERMINISTIC_ACTIVITY_ERRORS, type DomainError } from '../domain/errors.js';
import type { TransitionRecord } from '../read-model/record-transition.js';
import type { RunPorts } from '../workflows/complaint-run.js';

export type ClockActivities = ReturnType<typeof createClockActivities>;

/** The simulation's time: it moves only when the driver moves it. */
export class VirtualClock {
  /** The run asks for the time far more often than it moves: formatted once per move. */
  private text: string;

  constructor(private ms: number) {
    this.text = new Date(ms).toISOString();
  }

  get nowMs(): number {
    return this.ms;
  }

  /** Moves to `ms`; never backwards (the workflow's clock does not go back either). */
  advanceTo(ms: number): void {
    if (ms <= this.ms) return;
    this.ms = ms;
    this.text = new Date(ms).toISOString();
  }

  iso(): string {
    return this.text;
  }
}

export interface SimulationPorts {
  ports: RunPorts;
  /** Every transition as `recordTransition` received it, in order. */
  transitions: TransitionRecord[];
}

/** Ports for one simulated complaint. `clocks` are stateless: build them once and share them. */
export function simulationPorts(clocks: ClockActivities, clock: VirtualClock): SimulationPorts {
  const transitions: TransitionRecord[] = [];
  let links = 0;
  const ports: RunPorts = {
    readModel: {
      async recordComplaint() {
        return 'stored' as const;
      },
      async recordTransition(record) {
        transitions.push(record);
      },
      // A simulated customer answers in time or not at all: nothing waits undelivered.
      async receivedCustomerAnswer() {
        return null;
      },
    },
    clocks,
    patched: () => true,
    // Shaped like the workflow's uuid4(), counted so two runs of one path give the same ids.
    uuid: () => `00000000-0000-4000-8000-${(++links).toString(16).padStart(12, '0')}`,
    now: () => clock.iso(),
    // As the workflow's retry policy sees it: these error names fail for good (an incident).
    permanentFailure(err) {
      if (!(err instanceof Error) || !(DETERMINISTIC_ACTIVITY_ERRORS as readonly string[]).includes(err.name)) return undefined;
      return { errorType: err.name, message: err.message };
    },
    refusal: (error: DomainError) => error,
  };
  return { ports, transitions };
}
