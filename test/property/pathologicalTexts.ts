/**
 * Texts shaped to defeat the core's algorithms at scale rather than by odd characters
 * (those are in adversarialText.ts): a look that runs to the end of the line from every
 * parenthesis, an organisation counted with every other one, a chain of matches that grows
 * through a template filled in over and over, a theme named from hundreds of thousands of
 * tied terms. Each of these once made a file under the default size limit (2 MB) take
 * minutes or gigabytes (the last, ten seconds). Run through the CLI and every hover
 * summary by server/src/cli/pathological.test.ts, through the real server by
 * test/lsp/pathological.test.ts, and just under the limit by `npm run bench -- pathological`.
 */
import { Random } from '../../server/src/core/random';

/** Capitalised words that recognition takes for parts of organisation names. */
const NAME_WORDS = ['Riverside', 'Northern', 'Hospice', 'Trust', 'Fund', 'Council', 'Institute', 'Foundation', 'Commission', 'College', 'Carers', 'Alliance', 'Network', 'Group', 'Kendal', 'Marsh'];
const CONNECTORS = ['of', 'and', 'for', 'the', 'at', '&'];
const LETTERS = [...'ABCDEFGHJKLMNPRSTW'];
const LOWER_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

export interface PathologicalText {
  name: string;
  text: string;
}

/** Every pathological text, each about `size` characters long. */
export function pathologicalTexts(size: number, seed = 1): PathologicalText[] {
  const random = new Random(seed);
  const word = (): string => random.pick(NAME_WORDS);
  const acronym = (length: number): string => Array.from({ length }, () => random.pick(LETTERS)).join('');
  /** Pieces from `piece` joined by `separator` until the text is `size` long. */
  const repeat = (piece: (n: number) => string, separator = ' '): string => {
    const pieces: string[] = [];
    let length = 0;
    for (let n = 0; length < size; n++) {
      const next = piece(n);
      pieces.push(next);
      length += next.length + separator.length;
    }
    return pieces.join(separator);
  };
  const half = Math.floor(size / 2);
  return [
    { name: 'nested parentheses on one line', text: `${'('.repeat(half)}Riverside Hospice Trust${')'.repeat(half)}` },
    { name: 'parentheses never closed on one line', text: repeat(() => `${acronym(3)} ( ${word()}`) },
    { name: 'a glossary of acronyms on one line', text: repeat(() => `${acronym(4)} (${word()} ${word()} ${word()} ${word()})`) },
    { name: 'capitalised words and connectors, no full stop', text: repeat(() => `${word()} ${random.pick(CONNECTORS)}`) },
    { name: 'lines in capitals', text: repeat(() => `${Array.from({ length: 12 }, () => word().toUpperCase()).join(' ')}.`, '\n') },
    { name: 'words never repeated, in one long article', text: repeat(() => Array.from({ length: random.int(3, 9) }, () => random.pick(LOWER_LETTERS)).join('')) },
    { name: 'one template filled in thousands of times', text: repeat(() => `Mia ${word()} writing at The ${word()} ${word()}'s chief executive, the charity`) },
    {
      name: 'thousands of short articles naming the same organisations',
      text: repeat(
        (n) => `${word()} ${word()} Opens New Clinic Number ${n}\nBy Sam Okafor, 4 May 2025\n\n` +
          `Riverside Hospice Trust said the ${word()} ${word()} Alliance and Kendal Carers Network agreed plan ${n} for the valley.\n`,
        '\n',
      ),
    },
  ];
}
