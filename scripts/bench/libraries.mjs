// Deterministic benchmark libraries: N hexo-style articles of ~3 KB (Chinese HTML bodies with
// paragraphs, images and links, some English; both date forms; 2-3 level category paths) in
// source/month folders, plus one 50,000-character article that is the newest (the first row).
// A library is regenerated only when its stamp does not match this generator.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createRandom} from './prng.mjs';
import {chineseParagraph, chineseSentence, englishSentence, englishTitle, htmlImage, htmlParagraph} from './text.mjs';

const SOURCES = [
	{dir: 'qutoutiao', author: '趣头条', categories: ['新媒体', '趣头条', '分类']},
	{dir: 'zaker', author: 'ZAKER', categories: ['新媒体', 'ZAKER', 'channel']},
	{dir: 'cnbeta', author: 'cnBeta', categories: ['新媒体', 'cnBeta', '最新']},
	{dir: 'oschina', author: '开源中国', categories: ['编程', '开源中国', '资讯']},
	{dir: 'jishu', author: '技术头条', categories: ['编程', '技术头条', '最新分享']},
	{dir: 'jinse', author: '金色财经', categories: ['区块链', '金色财经', '快讯']},
	{dir: 'guokr', author: '果壳', categories: ['科学', '果壳']},
	{dir: 'wallstreet', author: '华尔街见闻', categories: ['财经', '华尔街见闻', '要闻']},
	{dir: 'hn', author: 'Hacker News', categories: ['Tech', 'Hacker News'], english: true},
	{dir: 'github', author: 'GitHub', categories: ['编程', 'GitHub', 'Trending'], english: true},
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const START = Date.UTC(2019, 0, 1);
const SPAN = Date.UTC(2024, 0, 1) - START;

export const LONG_ARTICLE_PATH = 'long/bench-long-article.md';
/** In the long article's first paragraph only: the browser has opened it when this is on screen. */
export const LONG_ARTICLE_MARKER = 'BENCHBODYSTART';

const pad = (n) => String(n).padStart(2, '0');
const hexoDate = (d) =>
	`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const httpDate = (d) =>
	`${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
const quote = (text) => `'${text.replace(/'/g, "''")}'`;

function frontMatter({title, categories, author, date, image}) {
	const lines = ['---', `title: ${quote(title)}`, 'categories: ', ...categories.map((name) => ` - ${name}`)];
	if (image) lines.push(`headimg: '${image}'`);
	lines.push(`author: ${author}`, 'comments: false', `date: ${date}`);
	if (image) lines.push(`thumbnail: '${image}'`);
	lines.push('---', '');
	return lines.join('\n');
}

function article(random, index) {
	const source = SOURCES[random.int(SOURCES.length)];
	const date = new Date(START + Math.floor(random.next() * SPAN));
	const english = source.english && random.chance(0.7);
	const title = english ? englishTitle(random) : chineseSentence(random, random.between(10, 28)).slice(0, -1);
	const image = random.chance(0.8)
		? `https://cors.zfour.workers.dev/?http://static.example.com/img/${index}.jpeg`
		: null;
	const parts = ['<div>   '];
	let bytes = 0;
	for (let i = 0; bytes < 2700; i++) {
		const part =
			i % 5 === 0
				? htmlImage(random, index)
				: english
					? `<p>${englishSentence(random)} ${englishSentence(random)} ${englishSentence(random)}</p>`
					: htmlParagraph(random, index);
		parts.push(part);
		bytes += Buffer.byteLength(part);
	}
	parts.push('</div>');
	const text =
		frontMatter({
			title,
			categories: source.categories,
			author: source.author,
			date: random.chance(0.5) ? httpDate(date) : hexoDate(date),
			image,
		}) + `\n${parts.join('\n')}\n`;
	const folder = `${source.dir}/${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
	return {path: `${folder}/${String(index).padStart(6, '0')}-${random.int(0x10000).toString(16)}.md`, text};
}

/** The 50,000-character Chinese article: its HTML body, and its whole file. */
export function longArticle() {
	const random = createRandom(50_000);
	const paragraphs = [`<p>${LONG_ARTICLE_MARKER} ${chineseParagraph(random, 3)}</p>`];
	let characters = paragraphs[0].length - 7;
	while (characters < 50_000) {
		const text = chineseParagraph(random, random.between(4, 12));
		paragraphs.push(`<p>${text}</p>`);
		characters += text.length;
	}
	const body = `<div>\n${paragraphs.join('\n')}\n</div>\n`;
	const head = frontMatter({
		title: '五万字长文 LEAF-BENCH-50K',
		categories: ['长文', '基准'],
		author: 'bench',
		date: '2024-12-31 23:59:59',
		image: null,
	});
	return {body, text: `${head}\n${body}`, characters};
}

function generatorVersion(size) {
	const sources = ['libraries.mjs', 'text.mjs', 'prng.mjs'].map((file) => readFileSync(new URL(file, import.meta.url)));
	return createHash('sha256').update(Buffer.concat(sources)).update(String(size)).digest('hex').slice(0, 16);
}

/**
 * `.bench/lib-<size>`: `size` articles in all (the long one included). Returns its path and whether it
 * had to be (re)generated.
 */
export function ensureLibrary(benchDir, size, log = () => {}) {
	const dir = join(benchDir, `lib-${size}`);
	const stamp = join(dir, '.stamp');
	const version = generatorVersion(size);
	try {
		if (readFileSync(stamp, 'utf8').trim() === version) return {dir, generated: false};
	} catch {
		// no stamp: generate
	}
	const started = Date.now();
	rmSync(dir, {recursive: true, force: true});
	const random = createRandom(size);
	const folders = new Set();
	const write = (path, text) => {
		const folder = join(dir, path, '..');
		if (!folders.has(folder)) {
			mkdirSync(folder, {recursive: true});
			folders.add(folder);
		}
		writeFileSync(join(dir, path), text);
	};
	write(LONG_ARTICLE_PATH, longArticle().text);
	for (let index = 1; index < size; index++) {
		const {path, text} = article(random, index);
		write(path, text);
	}
	writeFileSync(stamp, `${version}\n`);
	log(`generated ${size} articles in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return {dir, generated: true};
}
