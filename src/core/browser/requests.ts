// What the browser asks the outside world to do: described by the reducer, carried out by the caller
// (src/cli/browse-requests.ts), which answers with a notice. Each request is a new object, made exactly by
// the transition that asks for it.
import type {ArticleMeta} from '../article/article.ts';

export type Request =
	/** `label` names the link for the status line (`[3] https://…`, `source link`). */
	| {kind: 'openUrl'; url: string; label: string}
	| {kind: 'copyUrl'; url: string; label: string}
	/** The article's plain text at `width` columns, piped to `command` run by the shell. */
	| {kind: 'pipe'; command: string; meta: ArticleMeta; width: number}
	| {kind: 'edit'; meta: ArticleMeta}
	| {kind: 'rescan'};
