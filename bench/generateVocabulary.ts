/**
 * Words for the generated corpora (bench/generate.ts): per topic, who acts, what they do
 * and to what, why, and who is counted; across topics, places, people, times and the
 * small words of reporting. Lists are long enough that sentences combined from them
 * almost never repeat, and topics keep apart enough for themes to find them.
 */

export interface Topic {
  name: string;
  /** Plural noun phrases that act ("integrated care boards"): they take a verb's base form. */
  actors: string[];
  /** What is acted on. */
  objects: string[];
  /** "base|third person|past" of verbs taking an object: "expand|expands|expanded". */
  verbs: string[];
  /** Why or in what circumstances: "after a critical inspection". */
  reasons: string[];
  /** Who figures count: "patients waiting more than a year". */
  groups: string[];
  /** Adjectives that go before an object. */
  qualities: string[];
  /** Organisations of the topic, as written in running text, then "|" and the acronym that stands for a long name. */
  organisations: string[];
}

export const TOPICS: Topic[] = [
  {
    name: 'integrated care',
    actors: [
      'integrated care boards', 'place partnerships', 'system leaders', 'statutory partners', 'provider collaboratives',
      'neighbourhood teams', 'primary care networks', 'local authorities and trusts', 'partnership boards', 'joint committees',
      'system finance directors', 'community providers', 'acute trusts and councils', 'partnership chairs',
    ],
    objects: [
      'pooled budgets', 'discharge from hospital', 'population management', 'joint commissioning', 'shared plans',
      'anticipatory support', 'virtual wards', 'neighbourhood working', 'system governance', 'place-based allocations',
      'hospital at home schemes', 'joint workforce plans', 'step-down beds', 'case coordination', 'system oversight',
      'inequalities strategies', 'frailty pathways', 'single points of access', 'partnership agreements', 'outcomes frameworks',
    ],
    verbs: [
      'integrate|integrates|integrated', 'redesign|redesigns|redesigned', 'join up|joins up|joined up', 'commission|commissions|commissioned',
      'pilot|pilots|piloted', 'align|aligns|aligned', 'delegate|delegates|delegated', 'merge|merges|merged', 'co-design|co-designs|co-designed',
      'streamline|streamlines|streamlined', 'scale up|scales up|scaled up', 'govern|governs|governed', 'rethink|rethinks|rethought',
      'coordinate|coordinates|coordinated', 'share|shares|shared', 'map|maps|mapped',
    ],
    reasons: [
      'after years of fragmented services', 'under the new partnership rules', 'as statutory boards took over commissioning',
      'to cut delayed discharges', 'once the section 75 agreement was signed', 'after a review of system governance',
      'while winter pressures mounted on the wards', 'as the boards took on delegated budgets', 'to keep frail residents out of hospital',
      'following the merger of two commissioning groups', 'despite disagreements over accountability', 'ahead of the system’s first annual plan',
    ],
    groups: [
      'discharged patients', 'system leaders interviewed', 'partnership boards', 'frail patients',
      'people with multimorbidity', 'neighbourhood teams surveyed', 'inpatients ready to leave',
    ],
    qualities: ['joint', 'integrated', 'system-wide', 'place-based', 'collaborative', 'shared', 'seamless', 'coordinated', 'local'],
    organisations: ['NHS England', 'the Local Government Association|LGA', 'The King’s Fund', 'the Nuffield Trust', 'NHS Providers'],
  },
  {
    name: 'mental health',
    actors: [
      'talking therapy providers', 'crisis teams', 'community psychiatric teams', 'peer support workers', 'psychiatric wards',
      'school counsellors', 'psychiatric trusts', 'early intervention teams', 'perinatal clinicians', 'eating disorder clinics',
      'crisis cafés', 'liaison psychiatrists', 'wellbeing practitioners', 'youth mental health charities',
    ],
    objects: [
      'anxiety and depression support', 'early intervention in psychosis', 'school counselling', 'out-of-area placements',
      'psychological therapies', 'crisis lines', 'inpatient beds', 'suicide prevention plans', 'eating disorder treatment',
      'talking therapies', 'school wellbeing teams', 'section 136 detentions', 'perinatal therapy',
      'crisis sanctuaries', 'self-harm referrals', 'waiting lists for therapy', 'safe havens', 'trauma-informed practice',
      'recovery colleges', 'dual diagnosis clinics',
    ],
    verbs: [
      'expand|expands|expanded', 'refer|refers|referred', 'treat|treats|treated', 'triage|triages|triaged', 'support|supports|supported',
      'prioritise|prioritises|prioritised', 'open|opens|opened', 'staff|staffs|staffed', 'strengthen|strengthens|strengthened',
      'assess|assesses|assessed', 'reopen|reopens|reopened', 'divert|diverts|diverted', 'signpost|signposts|signposted',
      'safeguard|safeguards|safeguarded', 'rebuild|rebuilds|rebuilt', 'offer|offers|offered',
    ],
    reasons: [
      'as referrals from schools doubled', 'after a rise in self-harm among teenagers', 'because beds were full across the region',
      'following a coroner’s warning', 'while waiting times for therapy grew', 'after a patient died in police custody',
      'to keep young people out of hospital', 'since the pandemic disrupted schooling', 'after a critical inspection of the wards',
      'as loneliness among students increased', 'once funding for crisis care was secured', 'following complaints from families',
    ],
    groups: [
      'referred teenagers', 'adults with severe mental illness', 'patients placed out of area', 'students surveyed',
      'new mothers', 'detained patients', 'children waiting for assessment',
    ],
    qualities: ['psychological', 'therapeutic', 'acute', 'specialist', 'early', 'urgent', 'community', 'peer-led', 'round-the-clock'],
    organisations: ['Mind', 'the Royal College of Psychiatrists|RCPsych', 'the Mental Health Foundation', 'Rethink Mental Illness', 'YoungMinds'],
  },
  {
    name: 'workforce',
    actors: [
      'nursing unions', 'junior doctors', 'care workers', 'international recruits', 'agency staff', 'ward managers',
      'health visitors', 'paramedics', 'midwives', 'pharmacists', 'staff side representatives', 'newly qualified nurses',
      'locum consultants', 'healthcare assistants',
    ],
    objects: [
      'rota planning', 'pay awards', 'training places', 'retention schemes', 'overtime budgets', 'nursing vacancies',
      'apprenticeships', 'recruitment campaigns', 'flexible working', 'pension rules', 'sickness absence', 'staff burnout',
      'preceptorship programmes', 'safe staffing levels', 'agency spending', 'visa sponsorship', 'exit interviews',
      'career pathways', 'strike ballots', 'shift patterns',
    ],
    verbs: [
      'recruit|recruits|recruited', 'retain|retains|retained', 'train|trains|trained', 'ballot|ballots|balloted', 'reward|rewards|rewarded',
      'negotiate|negotiates|negotiated', 'reject|rejects|rejected', 'accept|accepts|accepted', 'roster|rosters|rostered',
      'mentor|mentors|mentored', 'cap|caps|capped', 'fill|fills|filled', 'lose|loses|lost', 'upskill|upskills|upskilled',
      'protest|protests|protested', 'cover|covers|covered',
    ],
    reasons: [
      'after a decade of real-terms pay cuts', 'as vacancy rates hit a record', 'because experienced staff were retiring early',
      'to stop nurses leaving for agencies', 'while the pay review body deliberated', 'following a vote to strike',
      'as international recruitment slowed', 'since the bursary was withdrawn', 'after burnout surveys alarmed managers',
      'to cover winter rotas', 'once the new contract was agreed', 'despite a promise of more training places',
    ],
    groups: [
      'nurses surveyed', 'low-paid care workers', 'doctors in training', 'early leavers',
      'midwives on night shifts', 'paramedics', 'overseas nurses',
    ],
    qualities: ['experienced', 'permanent', 'overstretched', 'qualified', 'senior', 'part-time', 'newly trained', 'temporary', 'frontline'],
    organisations: ['the Royal College of Nursing|RCN', 'the British Medical Association|BMA', 'Skills for Care', 'Unison', 'the Royal College of Midwives|RCM'],
  },
  {
    name: 'digital records',
    actors: [
      'patients', 'general practices', 'acute trusts', 'app developers', 'clinical safety officers', 'records managers',
      'IT suppliers', 'data protection officers', 'digital nurses', 'chief information officers', 'pharmacy systems teams',
      'privacy campaigners', 'practice managers', 'software vendors',
    ],
    objects: [
      'online records', 'shared records', 'the NHS App', 'electronic prescribing', 'remote consultations',
      'patient portals', 'test results online', 'data sharing agreements', 'cyber security', 'electronic patient records',
      'interoperability standards', 'consent settings', 'appointment booking', 'clinical coding', 'record access requests',
      'federated data platforms', 'digital triage', 'audit trails', 'repeat prescriptions online', 'paper notes',
    ],
    verbs: [
      'digitise|digitises|digitised', 'access|accesses|accessed', 'encrypt|encrypts|encrypted', 'switch on|switches on|switched on',
      'upgrade|upgrades|upgraded', 'migrate|migrates|migrated', 'redact|redacts|redacted', 'link|links|linked', 'test|tests|tested',
      'roll out|rolls out|rolled out', 'secure|secures|secured', 'download|downloads|downloaded', 'update|updates|updated',
      'replace|replaces|replaced', 'audit|audits|audited', 'view|views|viewed',
    ],
    reasons: [
      'after a ransomware attack hit the trust', 'once the new system went live', 'because of privacy concerns', 'to meet the national deadline',
      'after patients complained about errors in their notes', 'while the old servers were switched off', 'following a data breach',
      'as more patients downloaded the app', 'before the contract with the supplier ended', 'after clinicians warned about safety',
      'to cut the time spent on paperwork', 'since prospective access was switched on',
    ],
    groups: [
      'app users', 'practices surveyed', 'records checked', 'trusts still using paper',
      'opted-out residents', 'clinicians interviewed', 'electronic prescriptions',
    ],
    qualities: ['digital', 'secure', 'online', 'electronic', 'shared', 'paperless', 'interoperable', 'encrypted', 'cloud-based'],
    organisations: ['NHS Digital', 'the Information Commissioner’s Office|ICO', 'Healthwatch England', 'the Professional Record Standards Body|PRSB', 'medConfidential'],
  },
  {
    name: 'social care funding',
    actors: [
      'councils', 'residential home providers', 'self-funders', 'domiciliary agencies', 'unpaid carers', 'adult social care directors',
      'county councils', 'nursing home owners', 'commissioners', 'council finance officers', 'family carers',
      'independent providers', 'housing associations', 'charities for older people',
    ],
    objects: [
      'the cap on lifetime costs', 'fee rates', 'market sustainability', 'council tax precepts', 'respite breaks', 'home help hours',
      'deferred payment agreements', 'support packages', 'the social care grant', 'residential fees', 'means tests', 'direct payments',
      'domiciliary contracts', 'carers’ allowances', 'social care budgets', 'reablement', 'day centres',
      'sheltered housing', 'the better care fund', 'needs assessments',
    ],
    verbs: [
      'fund|funds|funded', 'cut|cuts|cut', 'raise|raises|raised', 'subsidise|subsidises|subsidised', 'means-test|means-tests|means-tested',
      'freeze|freezes|froze', 'underfund|underfunds|underfunded', 'close|closes|closed', 'protect|protects|protected',
      'ration|rations|rationed', 'charge for|charges for|charged for', 'top up|tops up|topped up', 'review|reviews|reviewed',
      'outsource|outsources|outsourced', 'withdraw|withdraws|withdrew', 'absorb|absorbs|absorbed',
    ],
    reasons: [
      'as the cost of living squeezed budgets', 'after the national living wage rose', 'because the reforms were delayed again',
      'to balance the council’s books', 'while demand from older residents grew', 'following a section 114 notice',
      'as energy bills for care homes tripled', 'after the government froze the grant', 'to avoid handing contracts back',
      'once the spending review was published', 'despite warnings from providers', 'as waiting lists for assessments lengthened',
    ],
    groups: [
      'councils surveyed', 'struggling nursing homes', 'people awaiting assessment', 'unpaid carers',
      'undelivered home help hours', 'self-funders', 'providers quitting contracts',
    ],
    qualities: ['affordable', 'sustainable', 'means-tested', 'residential', 'statutory', 'publicly funded', 'local', 'long-term', 'emergency'],
    organisations: ['the Association of Directors of Adult Social Services|ADASS', 'Care England', 'the Care Quality Commission|CQC', 'Age UK', 'the County Councils Network|CCN'],
  },
  {
    name: 'public health',
    actors: [
      'directors of public health', 'vaccination teams', 'health visitors', 'school nurses', 'sexual health clinics',
      'stop smoking advisers', 'environmental health officers', 'outreach workers', 'community pharmacists', 'screening programmes',
      'prevention practitioners', 'weight management programmes', 'drug and alcohol workers', 'infection control nurses',
    ],
    objects: [
      'measles vaccination', 'smoking cessation', 'childhood obesity', 'air quality', 'sexual health provision', 'cancer screening',
      'alcohol harm', 'flu jabs', 'healthy start vouchers', 'needle exchanges', 'vaping among teenagers', 'midlife checks',
      'fluoridation', 'breastfeeding support', 'the public health grant', 'tuberculosis screening', 'heatwave plans',
      'sugar taxes', 'school meals', 'outbreak control',
    ],
    verbs: [
      'vaccinate|vaccinates|vaccinated', 'screen|screens|screened', 'promote|promotes|promoted', 'ban|bans|banned',
      'monitor|monitors|monitored', 'tackle|tackles|tackled', 'prevent|prevents|prevented', 'target|targets|targeted',
      'regulate|regulates|regulated', 'trace|traces|traced', 'campaign for|campaigns for|campaigned for', 'invest in|invests in|invested in',
      'restrict|restricts|restricted', 'extend|extends|extended', 'measure|measures|measured', 'encourage|encourages|encouraged',
    ],
    reasons: [
      'as measles cases rose in schools', 'after the public health grant was cut', 'because uptake fell in deprived areas',
      'to close the gap in life expectancy', 'while hospital admissions for asthma climbed', 'following an outbreak at a nursery',
      'as vaping shops opened near schools', 'after a heatwave killed dozens of older people', 'to hit the smoke-free target',
      'once screening invitations went out by text', 'despite opposition from local businesses', 'since obesity rates among children rose',
    ],
    groups: [
      'children fully vaccinated', 'adults who smoke', 'pupils who vape', 'women screened on time', 'residents in deprived wards',
      'schools with outbreaks', 'adults offered checks',
    ],
    qualities: ['preventive', 'targeted', 'universal', 'evidence-based', 'free', 'local', 'voluntary', 'national', 'community-led'],
    organisations: ['the UK Health Security Agency|UKHSA', 'the Association of Directors of Public Health|ADPH', 'the Faculty of Public Health|FPH', 'Action on Smoking and Health|ASH', 'the Health Foundation'],
  },
];

const PLACE_STARTS = [
  'Ash', 'Brad', 'Carl', 'Dun', 'Elm', 'Fair', 'Glen', 'Hart', 'Kings', 'Lang', 'Mar', 'Nor', 'Oak', 'Pen', 'Red', 'Stan',
  'Thorn', 'Wal', 'West', 'Whit', 'Bex', 'Cran', 'Dray', 'Fen', 'Hol', 'Lin', 'Mid', 'Rother', 'Sel', 'Tam',
];
const PLACE_ENDS = ['ford', 'ton', 'bridge', 'ham', 'field', 'ley', 'wick', 'bury', 'mouth', 'by', 'stead', 'worth', 'well', 'hope'];
/** Some 420 invented towns. */
export const PLACES = PLACE_STARTS.flatMap((start) => PLACE_ENDS.map((end) => start + end));

export const LOCAL_BODIES = [
  'Community Trust', 'Partnership', 'Health Forum', 'Carers Network', 'Hospice', 'Foundation', 'Council', 'Alliance',
  'Citizens Panel', 'Wellbeing Centre',
];

export const FIRST_NAMES = [
  'Priya', 'Tom', 'Aisha', 'Gareth', 'Mei', 'Olu', 'Sarah', 'Declan', 'Nadia', 'Rhys', 'Fiona', 'Kwame', 'Hannah', 'Imran',
  'Bethan', 'Marek', 'Joanne', 'Samir', 'Claire', 'Tariq', 'Helen', 'Dylan', 'Grace', 'Yusuf', 'Eleanor', 'Callum', 'Ruth',
  'Ade', 'Lucy', 'Niall', 'Zara', 'Martin', 'Anjali', 'Owen', 'Kirsty', 'Femi', 'Rachel', 'Stuart', 'Leila', 'Patrick',
];
export const SURNAMES = [
  'Patel', 'Hughes', 'Okafor', 'Lloyd', 'Chen', 'Adeyemi', 'Walsh', 'Murphy', 'Khan', 'Evans', 'Morgan', 'Novak', 'Begum',
  'Fraser', 'Mensah', 'Jenkins', 'Kowalski', 'Ahmed', 'Doyle', 'Richards', 'Campbell', 'Singh', 'Price', 'Osei', 'Barker',
  'Hussain', 'Fletcher', 'Nwosu', 'Grant', 'Ellis', 'Mahmood', 'Quinn', 'Sutherland', 'Das', 'Harper', 'Boateng', 'Reid',
  'Iqbal', 'Marsh', 'Tan',
];
export const ROLES = [
  'chief executive', 'head of nursing', 'medical director', 'a local councillor', 'head of operations', 'programme lead',
  'chair', 'finance lead', 'a GP partner', 'a ward manager', 'a senior researcher', 'policy manager', 'operations manager',
  'a trustee', 'clinical lead', 'a service user', 'strategy adviser', 'a carer and campaigner', 'press officer', 'a volunteer',
  'deputy leader', 'an independent reviewer', 'founder', 'a consultant psychiatrist', 'a retired matron', 'an economist',
];
export const OUTLETS = [
  'the Health Service Journal', 'Community Care', 'the Municipal Journal', 'Nursing Times', 'the Local Government Chronicle',
  'Pulse', 'the Guardian', 'Inside Housing',
];
export const TIMES = [
  'last year', 'this spring', 'over the winter', 'since the pandemic', 'by next April', 'within two years', 'for the first time',
  'faster than expected', 'in the past six months', 'across the region', 'in most areas', 'since March', 'before the election',
  'after the summer', 'over the next decade', 'in recent weeks', 'by the autumn', 'during the heatwave', 'at short notice',
  'on a shoestring', 'before Christmas', 'after Easter', 'in a matter of weeks', 'within days', 'on a trial basis', 'again',
  'without consultation', 'quietly', 'in secret', 'at long last', 'behind schedule', 'under pressure', 'in public',
  'overnight', 'in stages', 'from January', 'until further notice', 'in the autumn statement', 'this term', 'at a stroke',
];
export const REPORTING = [
  'said', 'warned', 'argued', 'explained', 'admitted', 'insisted', 'added', 'told the meeting', 'wrote', 'pointed out',
];
export const OPENERS = [
  'Meanwhile,', 'In practice,', 'Even so,', 'For now,', 'By contrast,', 'As a result,', 'Last month,', 'At the same time,',
  'Elsewhere,', 'In the meantime,', 'Crucially,', 'Until recently,', 'On paper,', 'In theory,', 'Since then,',
];
export const LINKS = ['while', 'although', 'because', 'after', 'but', 'and', 'so', 'even though', 'until', 'whereas'];
export const FINDINGS = ['show', 'suggest', 'found', 'indicate', 'reveal', 'confirm'];
export const NUMBER_WORDS = ['Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Ten'];
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const NAVIGATION = ['Previous', 'Next', 'Share this article', 'Back to top'];
