/**
 * English-like prose for the generated corpora. An article tells one story: a topic, a
 * town, an organisation, two people and a few things in focus. Its sentences are combined
 * from slots (who, does what, to what, why, when), filled from the story or from the
 * topic's words. The story's words recur through the article as a real article's subject
 * does, so its sections hold together and its neighbours in a file read as other
 * articles; the slots are many, so no run of 25 words recurs by chance between articles.
 */
import { Random } from '../server/src/core/random';
import {
  FINDINGS, FIRST_NAMES, LINKS, LOCAL_BODIES, MONTHS, NUMBER_WORDS, OPENERS, OUTLETS, PLACES, REPORTING, ROLES, SURNAMES,
  TIMES, Topic,
} from './generateVocabulary';

interface Person {
  name: string;
  surname: string;
  role: string;
  organisation: string;
  /** Once introduced with their role, a person goes by their surname, as in a newspaper. */
  introduced: boolean;
}

interface Subject {
  text: string;
  /** Takes the verb's base form ("boards expand") rather than its third person ("the council expands"). */
  plural: boolean;
}

/** Said of a singular or plural subject alike. */
const TITLE_QUOTES = ['cannot wait', 'must come first', 'will not fix itself', 'should be everyone’s business', 'can no longer be ignored', 'may never recover', 'could save lives'];
const TITLE_TAILS = ['the journey to', 'lessons from', 'a year of', 'the case for', 'the truth about'];
/** Said of a singular or plural subject alike. */
const SHORT_VERDICTS = ['will remain a priority', 'could become a postcode lottery', 'may not survive', 'must improve', 'cannot be rushed', 'will be reviewed', 'should be protected', 'might be cut'];
const MODALS = ['will', 'could', 'should', 'must', 'may'];
/** Words a title in title case leaves in lower case. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'by']);

export class StoryWriter {
  private readonly place: string;
  private readonly organisation: string;
  private readonly people: Person[];
  private readonly focus: string[];
  private readonly actor: string;
  /** Organisations named in full already: later mentions may use their acronym. */
  private readonly named = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly topic: Topic,
  ) {
    this.place = random.pick(PLACES);
    this.organisation = random.chance(0.5) ? `the ${this.place} ${random.pick(LOCAL_BODIES)}` : random.pick(topic.organisations);
    this.people = [0, 1].map(() => {
      const surname = random.pick(SURNAMES);
      const name = `${random.pick(FIRST_NAMES)} ${surname}`;
      const organisation = random.chance(0.6) ? this.organisation : random.pick(topic.organisations);
      return { name, surname, role: random.pick(ROLES), organisation, introduced: false };
    });
    this.focus = [random.pick(topic.objects), random.pick(topic.objects), random.pick(topic.objects)];
    this.actor = random.pick(topic.actors);
  }

  title(): string {
    const r = this.random;
    const forms = [
      () => `${this.actorPhrase()} in ${this.place} ${this.verb('base')} ${this.object()}`,
      () => `${fullName(this.organisation)} ${this.verb('third')} ${this.object()}`,
      () => `Why ${this.place} ${this.verb('past')} ${this.object()}`,
      () => `${capitalise(this.object())}: what ${this.actorPhrase()} told ${fullName(r.pick(this.topic.organisations))}`,
      () => `‘${capitalise(this.object())} ${r.pick(TITLE_QUOTES)}’ – ${r.pick(TITLE_TAILS)} ${this.object()}`,
      () => `How ${this.place} ${this.verb('past')} ${this.object()}`,
      () => `${r.pick(NUMBER_WORDS)} lessons from ${this.place}’s ${this.object().replace(/^the /, '')}`,
      () => `${capitalise(this.object())} in ${this.place}: a year on`,
      () => `Can ${this.actorPhrase()} ${this.verb('base')} ${this.object()}?`,
      () => `${this.people[0].name} on ${this.object()} and ${this.object()}`,
    ];
    const title = capitalise(r.pick(forms)());
    return r.chance(0.3) ? titleCase(title) : title;
  }

  /** Lines between the title and the body: a byline, a date, both, or nothing. */
  bylineLines(): string[] {
    const r = this.random;
    const name = this.people[r.int(0, 1)].name;
    const forms = [
      () => [`By ${name}`],
      () => [this.date()],
      () => [`By ${name}`, this.date()],
      () => [`${name} | ${this.date()}`],
      () => [`Posted on ${this.date()}`],
      () => [`Published ${r.int(2016, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`],
    ];
    return r.pick(forms)();
  }

  /** "Name writing at Outlet: ", which opens the first paragraph of some articles. */
  inlineByline(): string {
    return `${this.people[0].name} writing at ${this.random.pick(OUTLETS)}: `;
  }

  sectionHeading(): string {
    const r = this.random;
    const forms = [
      () => capitalise(this.object()),
      () => `What ${this.actorPhrase()} said`,
      () => `The ${this.place} approach`,
      () => `Lessons for ${this.actorPhrase()}`,
      () => `${capitalise(r.pick(this.topic.qualities))} ${r.pick(this.focus)}`,
      () => `${capitalise(r.pick(this.focus))} in numbers`,
    ];
    return r.pick(forms)();
  }

  /** Never ending in a question: a short paragraph ending in "?" reads as a heading ("What is a hate crime?"). */
  paragraph(): string {
    const sentences: string[] = [];
    for (let count = this.random.int(2, 6); count > 0; count--) sentences.push(this.sentence());
    while (sentences[sentences.length - 1].endsWith('?')) sentences[sentences.length - 1] = this.sentence();
    return sentences.join(' ');
  }

  sentence(): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.25) return r.chance(0.3) ? `${r.pick(OPENERS)} ${this.clause()}.` : `${capitalise(this.clause())}.`;
    if (roll < 0.45) return `${capitalise(this.clause())}, ${r.pick(LINKS)} ${this.clause()}.`;
    if (roll < 0.6) return this.quote();
    if (roll < 0.72) return this.statistic();
    if (roll < 0.82) return this.money();
    if (roll < 0.9) return `${r.pick(['Can', 'Will', 'Should', 'Why do'])} ${this.actorPhrase()} ${this.verb('base')} ${this.object()}${this.tail()}?`;
    return `${capitalise(this.object())} ${r.pick(SHORT_VERDICTS)} ${r.chance(0.5) ? `in ${this.place}` : r.pick(TIMES)}.`;
  }

  private clause(): string {
    const subject = this.subject();
    return `${subject.text} ${this.verbPhrase(subject)} ${this.object()}${this.tail()}`;
  }

  private quote(): string {
    const r = this.random;
    const person = r.pick(this.people);
    const introduced = person.introduced;
    person.introduced = true;
    const who = introduced ? person.surname : `${person.name}, ${person.role} at ${this.mention(person.organisation)}`;
    const roll = r.next();
    if (roll < 0.4) return `“${capitalise(this.clause())},” said ${who}.`;
    if (roll < 0.7 && introduced) return `“${capitalise(this.clause())},” ${who} ${r.pick(REPORTING)}.`;
    return `${who}${introduced ? '' : ','} ${r.pick(REPORTING)} that ${this.clause()}.`;
  }

  /**
   * Figures, with a place, a year or a number every few words: the names of groups and
   * organisations are long, and two such sentences must not share a long run of words.
   */
  private statistic(): string {
    const r = this.random;
    const group = r.pick(this.topic.groups);
    const source = (): string => this.mention(r.chance(0.5) ? this.organisation : r.pick(this.topic.organisations));
    const roll = r.next();
    if (roll < 0.35) return `${r.int(3, 97)}% of ${group} in ${this.place} ${this.verb('past')} ${this.object()}${this.tail()}, according to ${source()}.`;
    if (roll < 0.7) {
      const study = `${r.int(2016, 2025)} ${r.pick(['survey', 'report', 'review', 'audit', 'census', 'study'])}`;
      return `A ${study} by ${source()} ${r.pick(FINDINGS)} that ${r.int(3, 97)}% of ${group} ${this.verb('past')} ${this.object()}${this.tail()}.`;
    }
    const total = r.int(12, 400);
    return `Only ${r.int(2, total - 1)} of the ${total} ${group} in ${this.place} ${this.verb('past')} ${this.object()}${this.tail()}.`;
  }

  private money(): string {
    const r = this.random;
    const amount = r.chance(0.6) ? `£${r.int(1, 95)}.${r.int(1, 9)}m` : `£${r.int(12, 950)},000`;
    if (r.chance(0.3)) {
      const fund = r.pick(['fund', 'grant', 'budget', 'contract', 'pilot', 'programme']);
      const fate = r.pick(['was announced', 'will be shared', 'was withdrawn', 'ran out', 'was doubled', 'is under review']);
      return `A ${amount} ${fund} for ${this.object()} ${fate}${this.tail()}.`;
    }
    const spend = r.pick(['will spend', 'has set aside', 'is investing', 'has been given', 'is losing', 'has bid for', 'wants']);
    const spending = `${capitalise(this.mention(this.organisation))} ${spend} ${amount} ${r.pick(['on', 'for'])} ${this.object()}${this.tail()}`;
    return r.chance(0.5) ? `${spending}, ${r.pick(LINKS)} ${this.clause()}.` : `${spending}.`;
  }

  private subject(): Subject {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.35) return { text: this.actorPhrase(), plural: true };
    if (roll < 0.55) return { text: this.mention(this.organisation), plural: false };
    if (roll < 0.7) {
      const person = r.pick(this.people);
      return { text: person.introduced ? person.surname : person.name, plural: false };
    }
    if (roll < 0.8) return { text: `${r.int(2, 40)} ${r.pick(this.topic.actors)}`, plural: true };
    return { text: `${this.actorPhrase()} in ${this.place}`, plural: true };
  }

  private actorPhrase(): string {
    return this.random.chance(0.4) ? this.actor : this.random.pick(this.topic.actors);
  }

  private verbPhrase(subject: Subject): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.55) return this.verb('past');
    if (roll < 0.75) return this.verb(subject.plural ? 'base' : 'third');
    if (roll < 0.9) return `${r.pick(MODALS)} ${this.verb('base')}`;
    const be = subject.plural ? 'are' : 'is';
    return `${be} ${r.pick(['expected', 'struggling', 'trying', 'planning', 'refusing'])} to ${this.verb('base')}`;
  }

  private verb(form: 'base' | 'third' | 'past'): string {
    const [base, third, past] = this.random.pick(this.topic.verbs).split('|');
    return form === 'base' ? base : form === 'third' ? third : past;
  }

  private object(): string {
    const r = this.random;
    const object = r.chance(0.55) ? r.pick(this.focus) : r.pick(this.topic.objects);
    return r.chance(0.25) ? `${r.pick(this.topic.qualities)} ${object}` : object;
  }

  private tail(): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.2) return ` ${r.pick(this.topic.reasons)}`;
    if (roll < 0.5) return ` ${r.pick(TIMES)}`;
    if (roll < 0.65) return ` in ${this.place}`;
    if (roll < 0.8) return ` for ${r.int(2, 900)} ${r.pick(this.topic.groups)}`;
    return '';
  }

  /** An organisation as running text names it: in full at first (sometimes with its acronym), then often by its acronym. */
  private mention(organisation: string): string {
    const [name, acronym] = organisation.split('|');
    if (acronym === undefined) return name;
    if (!this.named.has(name)) {
      this.named.add(name);
      return this.random.chance(0.5) ? `${name} (${acronym})` : name;
    }
    return this.random.chance(0.7) ? acronym : name;
  }

  private date(): string {
    return `${this.random.int(1, 28)} ${this.random.pick(MONTHS)} ${this.random.int(2016, 2025)}`;
  }

}

function fullName(organisation: string): string {
  return organisation.split('|')[0];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function titleCase(title: string): string {
  return title
    .split(' ')
    .map((word, i) => (i > 0 && MINOR_WORDS.has(word) ? word : capitalise(word)))
    .join(' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
