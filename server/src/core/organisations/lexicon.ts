/**
 * Word lists that are evidence for or against a capitalised phrase being an organisation.
 * All entries are token keys (lower case, apostrophes removed).
 */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Last word (or word before "of"/"for") of an organisation's name. */
export const HEAD_WORDS = words(`
  trust trusts fund institute institution commission office council centre centres center foundation group
  association society college federation confederation alliance partnership partnerships network union
  agency authority board service services hospital hospitals hospice clinic practice surgery university
  school academy department ministry charity charities campaign coalition consortium collaborative
  collaboration forum observatory panel tribunal ombudsman inspectorate executive commissioner bank
  company corporation limited ltd plc llp inc llc cic co consulting consultancy associates partners
  solutions industries holdings enterprises international healthcare health-care pharmaceuticals
  chemists pharmacy club
  laboratories labs press media lottery watch healthwatch age uk
`);

/** Head words that are also everyday nouns: not enough alone in a two-word name at the start of a sentence. */
export const WEAK_HEAD_WORDS = words(`service services health-care healthcare practice surgery school group network press media watch age uk executive`);

/** First words that make an organisation name: "NHS Digital", "Department of Health". */
export const PREFIX_WORDS = words(`nhs healthwatch`);
/** First words that do so when "of" or "for" follows: "Department of …", "Royal College of …". */
export const PREFIX_BEFORE_OF = words(`department ministry university office institute college council centre school society`);
export const ROYAL = 'royal';

/** Lower-case nouns naming a kind of organisation: "the charity X", "X, the think tank". */
export const ORGANISATION_NOUNS = words(`
  charity charities organisation organization thinktank tank provider company firm regulator watchdog
  consultancy union body network enterprise startup start-up insurer supplier developer
  association trust foundation funder publisher broadcaster newspaper campaigner campaigners group
  council agency authority hospice practice employer manufacturer retailer operator insurer platform
  alliance coalition federation movement club chain home companies firms providers organisations
  charities groups suppliers consultancies
`);

/** Job titles; with "of", "at" or "for" after them, an organisation follows. */
export const ROLE_WORDS = words(`
  chief executive officer ceo chair chairman chairwoman chairperson director head president founder
  co-founder cofounder leader secretary manager lead spokesperson spokesman spokeswoman trustee
  governor fellow dean editor partner member deputy interim acting senior principal researcher
  analyst economist adviser advisor officer consultant coordinator volunteer patron ambassador
  professor chancellor vice-chancellor minister commissioner controller registrar nurse doctor
  correspondent
`);

/** Honorifics and titles: the capitalised words after them name a person. */
export const PERSONAL_TITLES = words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron cllr councillor rev revd
  reverend father sister brother rt hon
`);

/** Nouns before a person's name: "psychotherapist Noel McDermott". */
export const PERSON_NOUNS = words(`
  psychotherapist psychologist psychiatrist doctor nurse gp surgeon consultant professor researcher
  author writer journalist minister secretary mp councillor mayor carer patient campaigner founder
  chair chairman director executive spokesperson spokesman spokeswoman manager lead leader expert
  economist analyst colleague clinician midwife therapist counsellor pharmacist paramedic resident
  daughter son wife husband mother father
`);

/** Verbs by which an organisation is quoted: weak evidence, as people are quoted the same way. */
export const REPORTING_VERBS = words(`
  said says warned warns argued argues added adds published publishes announced announces called calls
  urged urges welcomed welcomes claimed claims found finds estimated estimates revealed reveals
  launched launches criticised criticises responded responds stated states commented comments
`);

/** Verbs after ", which …" that organisations do and people are not said to: "X, which runs …". */
export const ORGANISATION_VERBS = words(`
  represents runs funds provides supports campaigns works trains commissioned commissions oversees
  negotiates manages operates owns employs supplies publishes regulates inspects
`);

/** Nouns for what organisations publish: "a report by X". */
export const PUBLICATION_NOUNS = words(`
  report research analysis data figures survey study review guidance funding grant briefing paper
  statement evidence audit inquiry investigation inspection programme campaign toolkit
`);

/** Sentence openers that are never part of a name: "Yesterday NHS England said…". */
export const SENTENCE_ADVERBS = words(`
  yesterday today tomorrow meanwhile however but and also last next earlier later recently now then
  separately elsewhere instead still currently previously similarly finally nevertheless additionally
  furthermore moreover overall locally nationally unsurprisingly sadly interestingly importantly
  thankfully fortunately unfortunately indeed like unlike under despite following according during
  after before since while when where although though as at in on for from with without by of to
  if this that these those there here its it our their his her my your we they he she i you
`);

/** Lower-case words allowed inside a name: "Royal College of Nursing", "Marie Curie & Co". */
export const NAME_CONNECTORS = words(`of and for the to de la le van von der den ben bin al du des y`);

/** Capitalised phrases that name a kind of body, not one organisation. */
export const GENERIC_BODIES = new Set(
  [
    'integrated care system', 'integrated care systems', 'integrated care board', 'integrated care boards',
    'integrated care partnership', 'integrated care partnerships', 'clinical commissioning group',
    'clinical commissioning groups', 'primary care network', 'primary care networks', 'health and wellbeing board',
    'health and wellbeing boards', 'sustainability and transformation partnership', 'sustainability and transformation partnerships',
    'foundation trust', 'foundation trusts', 'nhs trust', 'nhs trusts', 'nhs foundation trust', 'nhs foundation trusts',
    'local authority', 'local authorities', 'care home', 'care homes', 'acute trust', 'acute trusts',
    'mental health trust', 'mental health trusts', 'ambulance trust', 'ambulance trusts', 'housing association',
    'housing associations', 'trust board', 'board', 'the board', 'executive', 'government', 'the government',
    'integrated health and care', 'integrated care', 'social care', 'health service', 'nhs services',
    'nhs bodies', 'nhs organisations', 'nhs staff', 'nhs leaders', 'nhs trust board',
  ].map((phrase) => phrase.replace(/['’]/g, '')),
);

/** Acronyms that are common nouns, not organisations, even when quoted as saying something. */
export const NON_ORGANISATION_ACRONYMS = words(`
  uk us usa gb eu un gp gps mp mps ceo ics icss icb icbs icp icps pcn pcns ccg ccgs stp stps
  kpi kpis ppe covid covid-19 ptsd adhd ai it hr a&e ae icu itu ld sen send ftse bame lgbt lgbtq
  lgbtq+ dna pdf faq pm am bst gmt vat gdp nhs111 dr mr ms
`);

/** Places: a capitalised phrase that is one of these is not an organisation. */
export const PLACES = new Set(
  `uk, britain, great britain, england, scotland, wales, northern ireland, ireland, united kingdom, europe,
  america, united states, us, usa, california, new york, london, manchester, greater manchester, birmingham,
  leeds, liverpool, bristol, sheffield, newcastle, nottingham, leicester, coventry, bradford, cardiff, edinburgh,
  glasgow, belfast, aberdeen, dundee, swansea, oxford, cambridge, brighton, plymouth, southampton, portsmouth,
  reading, york, hull, derby, stoke, sunderland, wolverhampton, norwich, exeter, bath, durham, lancashire,
  yorkshire, west yorkshire, south yorkshire, north yorkshire, kent, essex, surrey, sussex, east sussex,
  west sussex, devon, cornwall, cumbria, norfolk, suffolk, hampshire, dorset, somerset, cheshire, merseyside,
  tyneside, teesside, lincolnshire, derbyshire, nottinghamshire, staffordshire, shropshire, herefordshire,
  worcestershire, warwickshire, gloucestershire, wiltshire, berkshire, buckinghamshire, oxfordshire,
  hertfordshire, bedfordshire, cambridgeshire, northamptonshire, leicestershire, rutland, tameside,
  east london, west london, north london, south london, north west london, midlands, east midlands,
  west midlands, north east, north west, south east, south west, whitehall, westminster, canada, australia,
  new zealand, india, china, germany, france, spain, italy, netherlands, denmark, sweden, norway, finland,
  japan, africa, asia, scandinavia`
    .split(',')
    .map((place) => place.trim()),
);
