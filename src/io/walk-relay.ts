// A walk started before it is known who takes its files. `leaf list --json` starts one, watches what it finds
// against its list cache, and, when the two differ, hands the walk over to a load (runScan), which is given every
// batch found so far and then the rest: the library is walked once either way.
import type {FoundBatch} from './library-walk.ts';
import type {FoundHandler, ScanSource} from './scan-here.ts';

/** A walk under way, for a load to follow (LoadOptions.walk). */
export interface StartedWalk {
	readonly source: ScanSource;
	/** From now on the walk's batches go to `next`, those found so far first. */
	follow(next: FoundHandler): void;
}

export class WalkRelay {
	private readonly found: [FoundBatch, string[]][] = [];
	private watcher: FoundHandler | null = null;
	private next: FoundHandler | null = null;

	/** The handler to open the walk's source with. */
	readonly onFound: FoundHandler = (batch, warnings) => {
		if (this.next) return this.next(batch, warnings);
		this.found.push([batch, warnings]);
		this.watcher?.(batch, warnings);
	};

	/** Shows `watcher` the batches found so far, then each as it comes, until the walk is followed. */
	watch(watcher: FoundHandler): void {
		this.watcher = watcher;
		for (const [batch, warnings] of this.found) watcher(batch, warnings);
	}

	/** The warnings of the batches found so far. */
	warnings(): string[] {
		return this.found.flatMap(([, warnings]) => warnings);
	}

	follow(next: FoundHandler): void {
		this.next = next;
		for (const [batch, warnings] of this.found.splice(0)) next(batch, warnings);
	}
}
