// A reader pane drawn by an Ink instance of its own into a stream that drops everything: nobody sees it.
// Drawing a few of its frames compiles Ink's drawing of long styled lines (in a fresh process a reader frame
// took 35 ms, the next ones 16, 9, then 5 to 3), so the first article opened does not pay for that.
import {render} from 'ink';
import type {Instance} from 'ink';
import {Readable, Writable} from 'node:stream';
import type {Line} from '../core/render/lines.ts';
import {ReaderPane} from './reader-pane.tsx';
import type {Theme} from './theme.ts';

export class OffscreenReader {
	private instance: Instance | null = null;

	constructor(
		private readonly lines: readonly Line[],
		private readonly width: number,
		private readonly height: number,
		private readonly theme: Theme,
	) {}

	/** Draws one frame (the lines from `scroll`); the first call mounts the pane. */
	draw(scroll: number): void {
		const pane = (
			<ReaderPane
				reader={{item: -1, status: 'ready', lines: this.lines, width: this.width, scroll, message: null}}
				width={this.width}
				textWidth={this.width}
				height={this.height}
				theme={this.theme}
			/>
		);
		if (this.instance) {
			this.instance.rerender(pane);
			return;
		}
		const stdout = Object.assign(new Writable({write: (_chunk, _encoding, done) => done()}), {
			columns: this.width,
			rows: this.height + 1,
			isTTY: false,
		});
		const stdin = Object.assign(new Readable({read: () => undefined}), {isTTY: false});
		// debug: every render is drawn at once, with no throttling timer left behind.
		this.instance = render(pane, {
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: stdout as unknown as NodeJS.WriteStream,
			debug: true,
			patchConsole: false,
			exitOnCtrlC: false,
		});
	}

	close(): void {
		this.instance?.unmount();
		this.instance = null;
	}
}
