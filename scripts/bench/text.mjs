// Deterministic filler text that looks like the user's library: Chinese news prose with
// full-width punctuation, some English, links and images. Used by the benchmark libraries
// and by the hostile fixtures' big articles.

const HANZI =
	'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质民族发展经济建设改革开放互联网企业市场技术数据平台用户服务产品疫情防控城市交通教育医疗科学研究新闻记者消息报道介绍表示';
const CLOSING = ['，', '，', '，', '。', '。', '、', '；', '！', '？', '：'];
const ENGLISH = [
	'The release notes mention faster startup and fewer allocations.',
	'According to the maintainers, the bug was fixed in version 2.4.1.',
	'Open source projects depend on volunteers and careful code review.',
	'The benchmark was run on a machine with two cores and 24 GB of memory.',
	'Users can download the update from the official website today.',
];

const WORDS =
	'release faster terminal browser library memory update kernel linux open source project security patch cloud model data network compiler rust python javascript database startup search mobile apple google microsoft chip energy battery space rocket study research'.split(
		' ',
	);

export function englishTitle(random) {
	const words = Array.from({length: random.between(4, 9)}, () => random.pick(WORDS));
	return words.join(' ').replace(/^./, (c) => c.toUpperCase());
}

/** @param {ReturnType<import('./prng.mjs').createRandom>} random */
export function chineseSentence(random, length = random.between(8, 40)) {
	let text = '';
	for (let i = 0; i < length; i++) {
		text += HANZI[random.int(HANZI.length)];
		if (i > 3 && i < length - 2 && random.chance(0.06)) text += random.pick(CLOSING);
	}
	return text + random.pick(['。', '。', '！', '？']);
}

export function chineseParagraph(random, sentences = random.between(2, 6)) {
	let text = '';
	for (let i = 0; i < sentences; i++) text += chineseSentence(random);
	return text;
}

export function englishSentence(random) {
	return random.pick(ENGLISH);
}

/** A `<p>` with Chinese prose, sometimes a link, some bold or an English sentence. */
export function htmlParagraph(random, index) {
	let text = chineseParagraph(random);
	if (random.chance(0.2)) text += ` ${englishSentence(random)}`;
	if (random.chance(0.25)) {
		const cut = random.int(text.length);
		text = `${text.slice(0, cut)}<a href="https://example.com/news/${index}-${random.int(1e6)}" target="_blank">${chineseSentence(random, 6)}</a>${text.slice(cut)}`;
	}
	if (random.chance(0.15)) text = `<strong>${chineseSentence(random, 10)}</strong>${text}`;
	return `<p>${text}</p>`;
}

export function htmlImage(random, index) {
	return `<p><img src="https://cors.zfour.workers.dev/?http://static.example.com/img/${index}/${random.int(1e9).toString(16)}.jpeg" data-size="720,502" referrerpolicy="no-referrer"></p>`;
}
