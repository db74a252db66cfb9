// Help texts in meow's style: Usage, Options, Examples.
import type {CommandName} from './args.ts';

const MAIN = `
  A terminal browser for folders of markdown articles

  Usage
    $ leaf [DIR]                  Browse a library (prints the list when piped)
    $ leaf cat [FILE...]          Print articles as text
    $ leaf list [DIR]             Print the library, one article a line
    $ leaf help [COMMAND]         Show help for a command

  DIR defaults to $LEAF_DIR, else leaf's own manual. With --json, --category
  or --unread, \`leaf [DIR]\` prints the list as \`leaf list\` does.

  Options
    --help, -h                    Show help
    --version                     Show the version

  Examples
    $ leaf ~/blog/source/_posts
    $ leaf cat post.md | less -R
    $ leaf list --category 新媒体/趣头条 --unread
`;

const CAT = `
  Print articles as text

  Usage
    $ leaf cat FILE... [options]   Several files print one after another, a rule between them
    $ leaf cat - [options]        Read the article from stdin (also when no FILE is given and stdin is piped)

  Options
    --width N                     Wrap at N columns, 20 to 300 (default: the terminal's width, else 80)
    --no-wrap                     One line per paragraph, for another program to wrap
    --color auto|always|never     Styles from the reader's theme (default: auto, on for a terminal
                                  unless TERM=dumb; NO_COLOR keeps bold and italic, drops colours)
    --help, -h                    Show this help

  Examples
    $ leaf cat post.md
    $ leaf cat post.md --width 60 --color always | less -R
    $ curl -s https://example.com/post.md | leaf cat
`;

const LIST = `
  Print the library, one article a line: date, read mark (● unread), categories, title

  Usage
    $ leaf list [DIR] [options]

  DIR defaults to $LEAF_DIR, else leaf's own manual. Newest first; undated articles last.

  Options
    --json                        A JSON array of {id, path, title, date, author, categories,
                                  tags, image, link, read, starred, warning}; date is ISO 8601 (UTC) or null
    --category PATH               Only articles under PATH, levels separated by / (e.g. 新媒体/趣头条)
    --unread                      Only articles not read yet
    --starred                     Only starred articles (s in the browser)
    --help, -h                    Show this help

  Examples
    $ leaf list ~/blog/source/_posts
    $ leaf list --category 编程 --unread
    $ leaf list --json | jq -r '.[].title'
`;

const TEXTS: Record<CommandName | 'main', string> = {main: MAIN, cat: CAT, list: LIST};

export function helpText(topic: CommandName | 'main' = 'main'): string {
	return TEXTS[topic].slice(1);
}
