"""Word tables the edit generator draws from, written for this benchmark.

Every phrase here is ordinary English chosen so that an edit has exactly one intended
effect: the clauses carry no figure, hedge or negation (so adding one is a pure
"clause-added"), the synonyms keep the meaning of a pledge (so a swap is a paraphrase), and
the hedges soften without negating.  None of it is copied from a real manifesto.
"""

from __future__ import annotations

#: Interchangeable words or phrases, one direction each ("reduce" → "cut" keeps the meaning
#: but "tax cut" → "tax reduce" would not, so only the first is listed).  Kept to senses that
#: survive any manifesto context.
SYNONYMS = (
    ("increase", "raise"),
    ("raise", "increase"),
    ("ensure", "make sure"),
    ("make sure", "ensure"),
    ("build", "construct"),
    ("construct", "build"),
    ("introduce", "bring in"),
    ("create", "establish"),
    ("establish", "create"),
    ("reduce", "cut"),
    ("protect", "safeguard"),
    ("safeguard", "protect"),
    ("strengthen", "reinforce"),
    ("provide", "offer"),
    ("abolish", "scrap"),
    ("scrap", "abolish"),
    ("people", "citizens"),
    ("citizens", "people"),
    ("country", "nation"),
    ("nation", "country"),
    ("businesses", "firms"),
    ("firms", "businesses"),
    ("homes", "houses"),
    ("houses", "homes"),
    ("tackle", "address"),
    ("expand", "extend"),
    ("extend", "expand"),
    ("workers", "employees"),
    ("employees", "workers"),
    ("families", "households"),
    ("households", "families"),
    ("rules", "regulations"),
    ("regulations", "rules"),
    ("legislation", "laws"),
    ("quickly", "rapidly"),
    ("rapidly", "quickly"),
    ("major", "significant"),
    ("significant", "major"),
    ("large", "big"),
    ("improve", "upgrade"),
    ("maintain", "keep"),
    ("modern", "up-to-date"),
    ("allow", "enable"),
    ("enable", "allow"),
    ("across", "throughout"),
    ("throughout", "across"),
    ("children", "youngsters"),
    ("older people", "pensioners"),
    ("pensioners", "older people"),
    ("costs", "expenses"),
    ("main", "principal"),
    ("whole", "entire"),
    ("entire", "whole"),
    ("every", "each"),
)

#: Further rewordings, one direction each, used with :data:`SYNONYMS` by the heavy paraphrase:
#: a writer restating a pledge in their own words changes most of its content words, not one or
#: two.  Each keeps the sense of the word in any manifesto we read, works as noun and verb
#: where the word can be either ("help" → "aid"), and brings in no figure, hedge, negation or
#: commitment verb.  Words a pledge's subject rests on ("government", "party", "our
#: strategy", "the programme") are left out, so the reworded sentence stays a commitment of
#: the same author.
REWORDINGS = (
    ("support", "help"),
    ("help", "aid"),
    ("give", "offer"),
    ("offer", "provide"),
    ("increase", "boost"),
    ("provide", "supply"),
    ("improve", "enhance"),
    ("promote", "foster"),
    ("reduce", "lower"),
    ("establish", "set up"),
    ("invest in", "put money into"),
    ("tackle", "combat"),
    ("maintain", "preserve"),
    ("keep", "retain"),
    ("allow", "permit"),
    ("restore", "bring back"),
    ("prevent", "stop"),
    ("implement", "carry out"),
    ("abolish", "do away with"),
    ("expand", "widen"),
    ("raise", "lift"),
    ("defend", "protect"),
    ("recruit", "hire"),
    ("fund", "finance"),
    ("publish", "release"),
    ("modernise", "update"),
    ("simplify", "streamline"),
    ("system", "framework"),
    ("rights", "entitlements"),
    ("community", "neighbourhood"),
    ("communities", "neighbourhoods"),
    ("areas", "regions"),
    ("investment", "funding"),
    ("funding", "money"),
    ("money", "funds"),
    ("policy", "approach"),
    ("policies", "measures"),
    ("reform", "overhaul"),
    ("industry", "sector"),
    ("jobs", "posts"),
    ("scheme", "programme"),
    ("better", "improved"),
    ("greater", "increased"),
    ("fair", "equitable"),
    ("business", "enterprise"),
    ("companies", "firms"),
    ("crime", "offending"),
    ("countries", "nations"),
    ("opportunities", "chances"),
    ("staff", "personnel"),
    ("teachers", "educators"),
    ("students", "learners"),
    ("pupils", "schoolchildren"),
    ("doctors", "physicians"),
    ("poverty", "deprivation"),
    ("taxes", "levies"),
    ("fees", "charges"),
    ("charges", "fees"),
    ("growth", "expansion"),
    ("international", "global"),
    ("global", "worldwide"),
    ("additional", "extra"),
    ("extra", "additional"),
    ("important", "vital"),
    ("vital", "essential"),
    ("fully", "completely"),
    ("properly", "adequately"),
    ("immediately", "at once"),
    ("elderly", "older"),
    ("supporting", "helping"),
    ("helping", "aiding"),
    ("giving", "offering"),
    ("providing", "supplying"),
    ("improving", "enhancing"),
    ("increasing", "boosting"),
    ("reducing", "lowering"),
    ("promoting", "fostering"),
    ("protecting", "safeguarding"),
    ("creating", "establishing"),
    ("ensuring", "making sure"),
    ("introducing", "bringing in"),
    ("tackling", "combating"),
    ("maintaining", "preserving"),
    ("strengthening", "reinforcing"),
    ("expanding", "widening"),
    ("extending", "expanding"),
    ("investing in", "putting money into"),
    ("reforming", "overhauling"),
    ("achieve", "attain"),
    ("receive", "get"),
    ("set up", "establish"),
    ("look after", "care for"),
    ("bring forward", "put forward"),
    ("put in place", "introduce"),
    ("carry out", "conduct"),
    ("stop", "halt"),
    ("measures", "steps"),
    ("steps", "measures"),
    ("necessary", "needed"),
    ("affordable", "low-cost"),
    ("parents", "mothers and fathers"),
    ("young people", "the young"),
    ("disabled people", "people with disabilities"),
    ("next", "coming"),
    ("full", "complete"),
    ("best", "finest"),
    ("including", "such as"),
    ("while", "whilst"),
    ("institutions", "bodies"),
    ("process", "procedure"),
    ("regions", "areas"),
    ("funds", "money"),
    ("approach", "strategy"),
    ("goal", "objective"),
    ("objective", "goal"),
    ("prices", "costs"),
    ("wages", "pay"),
    ("salaries", "pay"),
    ("troops", "soldiers"),
    ("soldiers", "troops"),
    ("weapons", "arms"),
    ("freedom", "liberty"),
    ("liberty", "freedom"),
    ("problems", "difficulties"),
    ("problem", "difficulty"),
    ("opportunity", "chance"),
    ("job", "post"),
    ("strong", "robust"),
    ("stronger", "more robust"),
    ("fairer", "more equitable"),
    ("simple", "straightforward"),
    ("simpler", "more straightforward"),
    ("cheaper", "less costly"),
    ("safer", "more secure"),
    ("key", "main"),
    ("huge", "vast"),
    ("massive", "huge"),
    ("swiftly", "quickly"),
    ("urgently", "as a matter of urgency"),
)

#: Clauses appended to a pledge ("…, working with local partners.").  Each has at least four
#: words and no figure, hedge or negation.
CLAUSES = (
    "working hand in hand with local partners",
    "so that every community shares in the benefits",
    "in every region of the country",
    "with a clear plan published for each step",
    "alongside employers, unions and charities",
    "making the process simpler for ordinary families",
    "as part of a wider programme of reform",
    "and report openly on the progress made",
    "with particular attention to rural areas",
    "so that people can see where their money goes",
    "backed by an independent panel of experts",
    "for families on low and middle incomes",
)

#: Phrases inserted after "will" to hedge a pledge ("will build" → "will aim to build").
#: Some are on policydiff's own hedge list and some are not: writers use both.
MODAL_HEDGES = (
    "aim to",
    "seek to",
    "try to",
    "endeavour to",
    "hope to",
    "work to",
    "look to",
    "strive to",
)

#: Qualifiers appended to hedge a pledge ("…, where possible.").
TRAILING_HEDGES = (
    "where possible",
    "as resources allow",
    "if the public finances allow",
    "over time",
    "wherever practical",
)

#: Verbs that soften a commitment when placed before "to" ("we aim to …"); firming replaces
#: "<verb> to" (or "will <verb> to") with "will".
#: ("intend to" and "plan to" are left out: a coder could read them as firm as "will").
SOFT_VERBS = ("aim", "seek", "try", "strive", "endeavour", "endeavor", "hope", "want", "look", "work")

#: Words never replaced by a word swap: they carry the commitment frame, a hedge or a
#: negation, so changing them would be a different kind of edit.
FRAME_WORDS = frozenset(
    "will shall would not never no aim seek try hope want intend plan look work strive "
    "endeavour endeavor committed commit pledge promise guarantee ensure encourage consider "
    "explore examine review investigate ambition aspire begin start cannot oppose reject against "
    "propose proposes proposing intend intends ask asking urge urging".split()
)
#: Phrases that soften a commitment without a soft verb; a clause holding one is never the
#: clause removed (removing it would firm the pledge as well).
SOFTENING_PHRASES = ("subject to", "where possible", "if possible", "as far as", "where appropriate", "over time",
                     "in the long term", "when resources", "as resources", "if the public finances")
#: Beginnings of words that soften a commitment in any form ("reviews", "considering"); a word
#: swap neither removes nor brings in one of them.
HEDGE_STEMS = ("aim", "seek", "strive", "endeavo", "hope", "encourag", "consider", "explor", "examin", "review",
               "investigat", "ambition", "aspir")
#: Words that state a quantity; a word swap leaves them alone (changing one is a number edit).
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred thousand million billion half third quarter double treble triple twice dozen "
    "percent cent per pounds dollars".split()
)

#: Function words: never swapped, and ignored when comparing the content of two pledges.
STOP_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from into onto over under as is are was "
    "were be been being this that these those it its our we us i my me you your they them their "
    "he she his her there here which who whom whose what when where why how all any each every "
    "more most other some such than too very can could should may might must shall will would "
    "not no nor so then also just only own same both few many much up down out off again "
    "further once do does did doing have has had having new make made".split()
)

#: Words following "will" that are not verbs (so "will also X and Y" is not split there).
NOT_VERBS = frozenset("not never also always now then still continue further be the a an".split())

#: Sentence openers lower-cased when a clause moves in front of them ("We will" → ", we will").
LOWERABLE_OPENERS = frozenset("We Our The This These A An Every All Each".split())
