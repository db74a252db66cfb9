// linebreak 1.1 ships no type declarations; this is the part leaf uses.
declare module 'linebreak' {
	export default class LineBreaker {
		constructor(text: string);
		/** The next break opportunity after the previous one, or null at the end. */
		nextBreak(): {position: number; required: boolean} | null;
	}
}
