"""The Manifesto Project's seven policy domains, and which one a pledge belongs to.

The Manifesto Project (MARPOR) codes every quasi-sentence of a manifesto with a
three-digit category whose first digit is one of seven *domains*: 1xx external
relations, 2xx freedom and democracy, 3xx political system, 4xx economy, 5xx welfare
and quality of life, 6xx fabric of society, 7xx social groups.  A pledge read from
Manifesto Project data carries that code and its domain is read off it
(:func:`domain_of_code`).  Any other pledge is tagged from its words: seed
vocabularies written from the coding handbook's category descriptions, in the words
of UK and US manifestos (:func:`assign_domain`).  When the words are too few or
point two ways at once the pledge stays :data:`UNASSIGNED` rather than being guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policydiff.errors import OptionError, PolicydiffError
from policydiff.model import Pledge

#: The seven domains, in the order of the first digit of their category codes (1–7).
DOMAINS = (
    "External Relations", "Freedom and Democracy", "Political System", "Economy",
    "Welfare and Quality of Life", "Fabric of Society", "Social Groups",
)

#: The label of a pledge whose domain cannot be told: no policy content (code 000),
#: a heading (H), an unknown code, or words that are too few or point two ways.
UNASSIGNED = "unassigned"

#: Weight of a term that on its own names a domain's subject ("nhs", "trident", "asylum").
STRONG_WEIGHT = 2.0
#: Weight of a term that leans towards a domain but also turns up elsewhere ("rights",
#: "global", "students"): half a strong term, so two of them tie with one.
SUPPORT_WEIGHT = 1.0

#: Least margin, (best - runner-up) / best in [0, 1], for the best domain to be
#: returned.  One third means the best domain needs 1.5 times the runner-up's weight:
#: a strong term beats a supporting one (margin 1/2), but two strong terms against a
#: strong and a supporting one (margin 1/4) leave the pledge unassigned.
#: Chosen from the weights before measuring.  On tests/data/topic_pledges.tsv it leaves 9%
#: unassigned, nearly all exact ties; margins up to 1/4 change one label, 0.4 unassigns 13%.
MIN_MARGIN = 1 / 3

#: Matched weight at which the evidence counts as full (confidence stops growing with
#: more terms): two strong terms.  A single strong term gives half confidence.
FULL_EVIDENCE = 2 * STRONG_WEIGHT

#: Seed vocabularies: for each domain a pair of pipe-separated term lists, strong terms
#: then supporting terms (see the weights above).  Terms are matched in lower case on
#: word boundaries, with hyphens and spaces interchangeable and apostrophes dropped; a
#: term may take a plural "s"/"es", and a trailing "*" matches any ending ("privatis*"
#: matches privatise, privatisation).  Of terms starting at the same word the longest
#: counts ("council tax" is economy, not "council" of the political system).
SEED_VOCABULARY = {
    # per101-110: foreign special relationships, anti-imperialism, military, peace,
    # internationalism, European Community/Union.
    "External Relations": (
        "foreign policy|foreign affairs|foreign office|foreign secretary|defence|defense|armed forces|army|"
        "royal navy|navy|naval|royal air force|raf|royal marines|military|troops|soldier|sailor|nato|trident|"
        "nuclear deterrent|nuclear weapon|warship|frigate|destroyer|aircraft carrier|submarine|fighter jet|drones|"
        "ministry of defence|european union|brexit|single market|customs union|eurozone|brussels|euro|"
        "eu referendum|eu membership|united nations|security council|overseas aid|foreign aid|international aid|"
        "international development|aid budget|development aid|diplomac*|diplomat*|embass*|ambassador|commonwealth|"
        "special relationship|peacekeep*|disarmament|arms control|arms sales|arms exports|sanctions|imperialis*|"
        "colonialis*|war|warfare|ukraine|ukrainian|russia*|putin|china|chinese|taiwan|israel*|palestin*|gaza|"
        "middle east|iran|iranian|north korea|afghanistan|iraq|syria*|yemen|national security|global britain|"
        "cyber attack|hostile state|geopolitic*|un|united states|america|american|usa|australia|india|japan|"
        "indo pacific|aukus|five eyes|climate finance|climate summit*",
        "international|internationally|global|overseas|abroad|foreign|europe|european|eu|g7|g20|humanitarian|"
        "peace|treaty|treaties|allies|ally|alliance|partners|conflict|deterrence|intelligence agencies|"
        "world stage|multilateral*|countries|nations",
    ),
    # per201-204: freedom and human rights, democracy, constitutionalism.
    "Freedom and Democracy": (
        "human rights|human rights act|civil liberties|civil liberty|liberties|freedom of speech|free speech|"
        "freedom of expression|freedom of the press|press freedom|free press|freedom of information|"
        "freedom of religion|religious freedom|freedom of assembly|right to protest|privacy|data protection|"
        "mass surveillance|democracy|democracies|democratic|undemocratic|rule of law|constitution*|bill of rights|"
        "european convention on human rights|echr|magna carta|judicial independence|independent judiciary|"
        "independent courts|judicial review|supreme court|extend the franchise|citizens assembl*|"
        "indefinite detention|detention without trial|censorship|authoritarian*|dictator*|tyrann*|habeas corpus|"
        "jury trial|trial by jury|identity cards|id cards|legal aid|miscarriage* of justice|due process",
        "freedom|freedoms|liberty|rights|vote|votes|voting|voter|ballot|election|elections|referendum|referendums|"
        "referenda|protest*|surveillance|speech|dissent|judges|judiciary|citizens|consent|equal before the law|"
        "innocent",
    ),
    # per301-305: decentralisation, governmental and administrative efficiency, political
    # corruption, political authority.  Electoral rules and party finance sit here with the
    # institutions they shape; freedom and democracy keeps rights and principles.
    "Political System": (
        "devolution|devolve*|decentralis*|decentraliz*|localism|local government|local authorit*|local council|"
        "councillor|metro mayor|elected mayor|mayoral|combined authorit*|barnett formula|holyrood|"
        "scottish parliament|senedd|welsh assembly|welsh parliament|stormont|northern ireland assembly|"
        "northern ireland executive|power sharing|home rule|federal*|independence referendum|"
        "scottish independence|house of lords|lords reform|second chamber|upper house|house of commons|"
        "members of parliament|mps|peers|whitehall|civil service|civil servant|bureaucra*|quango*|"
        "public administration|efficiency savings|government efficiency|wasteful spending|corruption|corrupt|"
        "sleaze|cronyism|lobbying|lobbyist|party funding|political donations|donors|ministerial code|"
        "standards in public life|ombudsman|public appointments|machine of government|government departments|"
        "public bodies|constitutional convention|codes of conduct|conflicts of interest|second jobs|recall of mps|"
        "parliamentary|city region*|proportional representation|electoral reform|electoral system|voting system|"
        "first past the post|votes at 16|votes at sixteen|right to vote|voting age|voter id|photo id|"
        "polling station*|electoral commission|electoral|political parties|donations",
        "parliament|council|mayor|regional|regions|red tape|transparen*|accountab*|integrity|ethics|ministers|"
        "cabinet|prime minister|procurement|efficien*|reform of government|strong government|stable government|"
        "competent government|powers|local",
    ),
    # per401-416: free market, incentives, market regulation, economic planning,
    # corporatism, protectionism, economic goals, demand management, growth, technology
    # and infrastructure, controlled economy, nationalisation, economic orthodoxy,
    # marxist analysis, anti-growth economy.
    "Economy": (
        "econom*|economic growth|gdp|productivity|business*|small business*|smes|enterprise*|entrepreneur*|"
        "start ups|startup*|industr*|industrial strategy|manufactur*|investment|investor|inward investment|tax|"
        "taxes|taxation|taxpayer*|income tax|corporation tax|vat|national insurance|council tax|business rates|"
        "stamp duty|capital gains|inheritance tax|fuel duty|windfall tax|tax avoidance|tax evasion|tax relief|"
        "tax rate|personal allowance|tax free|deficit|national debt|debt|borrowing|public finances|fiscal|"
        "treasury|spending review|inflation|interest rates|bank of england|banks|banking|bankers|"
        "financial services|city of london|competition|monopol*|free market|markets|regulator|deregulat*|"
        "price cap|cost of living|infrastructure|roads|motorway*|potholes|rail|railway*|trains|high speed rail|"
        "hs2|buses|bus services|bus routes|transport|commuter*|airport*|runway*|heathrow|freeport*|broadband|"
        "gigabit|full fibre|5g|mobile coverage|mobile signal|digital infrastructure|research and development|"
        "r and d|innovation|artificial intelligence|ai|life sciences|nationalis*|renationalis*|public ownership|"
        "publicly owned|privatis*|privatiz*|tariff*|free trade|trade deal*|trade agreement*|exports|exporter*|"
        "imports|oil and gas|north sea|levelling up|economic planning|national investment bank|energy security|"
        "power station*|nuclear power|national grid|supply chain*|capitalis*|growth|levy|levies|rent control*|"
        "rent cap*|branch line*|rail line*|railway line*|dual carriageway*|bypass*",
        "jobs|employment|unemploy*|wealth|prosperity|prosperous|invest|regulat*|market|consumer*|prices|"
        "energy bills|energy prices|road|train|bus|route|journey*|travel|science|scientific|technology|"
        "technologies|tech|digital|innovat*|trade|energy|mortgage*|house prices|home ownership|first time buyers|"
        "housebuilders|developers|planning system|planning rules|spending|funding|pounds|billion|profit*|"
        "companies|firms|shareholders|pension funds|savings|savers|high streets|fares|motorists|drivers|hauliers|"
        "congestion|leasehold*|freehold*|budget",
    ),
    # per501-507: environmental protection, culture, equality, welfare state
    # expansion/limitation, education expansion/limitation.
    "Welfare and Quality of Life": (
        "nhs|national health service|health service|healthcare|health care|hospital*|gp|doctors|nurses|nursing|"
        "midwives|midwifery|patients|waiting list*|waiting times|a&e|accident and emergency|ambulance*|cancer|"
        "mental health|dementia|social care|care home|prescription*|dentist*|dental|pharmac*|public health|"
        "obesity|smoking|vaping|welfare|welfare state|benefit*|universal credit|child benefit|tax credits|"
        "social security|state pension|pension|triple lock|pension credit|winter fuel*|bedroom tax|"
        "two child limit|food bank*|poverty|child poverty|inequalit*|equality|social justice|redistribut*|housing|"
        "homes|social housing|council homes|council houses|council housing|affordable homes|affordable housing|"
        "homeless*|rough sleep*|renters|tenants|landlords|rent|rents|eviction*|education|schools|school|pupils|"
        "teachers|teaching|classroom*|curriculum|universit*|higher education|further education|colleges|"
        "tuition fees|student loans|apprenticeship*|early years|childcare|nurser*|ofsted|academies|free schools|"
        "grammar schools|special educational needs|free school meals|school meals|exams|gcses|literacy|numeracy|"
        "environment*|climate|climate change|global warming|net zero|carbon|decarbonis*|emissions|greenhouse gas*|"
        "pollution|pollut*|clean air|air quality|sewage|rivers|seas|oceans|biodiversity|nature|wildlife|habitats|"
        "species|green belt|countryside|trees|woodland*|forests|peatland*|flood*|flood defence|recycling|landfill|"
        "food waste|plastic*|litter|renewable*|solar|wind farm|onshore wind|offshore wind|wind power|clean energy|"
        "green energy|electric vehicle*|electric cars|heat pump*|insulation|insulate|energy efficien*|fracking|"
        "animal welfare|national parks|arts|culture|cultural|museums|galleries|libraries|theatres|"
        "creative industries|sport|sports|bbc|public service broadcasting|quality of life|wellbeing|well being|"
        "living standards|therapy|therapies|anxiety|depression|surgical|surgeon*|paramedic*|personal care|"
        "junk food|sugar tax|carers allowance|attendance allowance|personal independence payment|housing benefit|"
        "workplace pension*|solar farm*|housebuilding|house building|new homes|brownfield|new towns|garden cities",
        "health|healthy|care|treatment*|football|diagnos*|clinic*|surgery|operations|scans|medicines|drugs bill|"
        "skills|learning|training|teach|equal|green|music|tourism|heritage|pensions|payment*|household*|landlord|"
        "hardship|disadvantaged|vulnerable|art|drama|property ladder|key workers|carers",
    ),
    # per601-608: national way of life, traditional morality, law and order, civic
    # mindedness, multiculturalism (immigration is coded here, as 601.2/602.2/607.2/608.2).
    "Fabric of Society": (
        "immigra*|migra*|net migration|asylum|asylum seekers|refugee*|small boats|channel crossings|"
        "people smuggl*|smuggling gangs|border*|border force|border security|visa|visas|points based|deport*|"
        "illegal migration|illegal immigration|integration|citizenship|british values|patriot*|national identity|"
        "national pride|monarchy|royal family|family values|marriage|faith|religio*|church*|christian*|muslim*|"
        "jewish|antisemitism|islamophobia|police|policing|police officers|neighbourhood policing|crime*|criminal*|"
        "offender*|reoffending|prison*|jail*|sentenc*|custod*|justice system|criminal justice|victim*|"
        "anti social behaviour|antisocial behaviour|knife crime|knives|violent crime|violence|gang|drugs|"
        "drug dealers|county lines|terroris*|counter terrorism|extremis*|radicalis*|security services|fraud|"
        "shoplifting|theft|burglar*|domestic abuse|domestic violence|violence against women and girls|rape|"
        "sexual offences|grooming|probation|youth justice|cctv|stop and search|law and order|law enforcement|"
        "national crime agency|volunteer*|volunteering|charit*|civil society|social cohesion|cohesion|"
        "national service|national citizen service|multicultur*|welsh language|gaelic|irish language|gambling|"
        "pornography|abortion|assisted dying|euthanasia|traditional values|crown court*|magistrate*|"
        "court backlog*|english language",
        "courts|court|officers|punish*|justice|law abiding|enforcement|removals|flag|traditions|traditional|"
        "tolerance|respect|diversity|diverse|community|communities|safe|safer|streets",
    ),
    # per701-706: labour groups, agriculture and farmers, middle class and professional
    # groups, underprivileged minority groups, non-economic demographic groups.
    "Social Groups": (
        "workforce|working people|trade union*|collective bargaining|strike|strikes|industrial action|"
        "minimum wage|living wage|national living wage|real living wage|fair pay|equal pay|low pay|low paid|"
        "pay rise|pay gap|gender pay gap|public sector pay|wages|wage|zero hours|fire and rehire|sick pay|"
        "statutory sick pay|holiday pay|employment rights|employment law|employment tribunal*|workers rights|"
        "rights at work|flexible working|parental leave|maternity*|paternity*|gig economy|agency workers|"
        "health and safety|unfair dismissal|farmers|farming|farm|farms|agricultur*|food production|food security|"
        "fishing|fishermen|fishing industry|fisheries|crofting|crofter*|middle class|professionals|self employed|"
        "freelancers|disabled|disabled people|disabilit*|lgbt*|gay|lesbian|bisexual|transgender|trans people|"
        "ethnic minorit*|bame|black and minority ethnic|racism|racial|race equality|gypsies|travellers|minorities|"
        "women|girls|older people|elderly|pensioners|veteran|armed forces covenant|unions|miners|mineworkers",
        "workers|worker|employees|employers|employer|union|staff|rural|youth|young people|students|apprentices|"
        "graduates|the old|retired|retirement",
    ),
}

#: Phrases that contain a domain's term but say nothing about the domain: spans of time
#: ("for the whole Parliament"), units ("per cent of GDP"), uprating and affordability
#: clauses ("in line with inflation", "when the public finances allow") and party names
#: ("the Greens", "a Labour government").  They are matched like terms, so being longer
#: they hide the words inside them, and they add no weight.
NEUTRAL_PHRASES = (
    "this parliament|next parliament|last parliament|whole parliament|the parliament|each parliament|"
    "every parliament|per cent|percent|of gdp|of national income|gross national income|"
    "in line with inflation|above inflation|below inflation|with inflation|public finances allow|"
    "finances allow|resources allow|in a generation|next generation|new generation|greens|green party|"
    "green government|labour government|labour party|conservative government|conservative party|"
    "liberal democrats|lib dems|snp|scottish national party|plaid cymru|reform uk"
)

_APOSTROPHES = re.compile(r"['’‘`]")
_HYPHENS = re.compile(r"[-‐‑–—/]")
_WORD_START = re.compile(r"\b\w")
_CODE = re.compile(r"^(?:per)?\s*(\d)(\d{2})(?:[._]?\d+)?$")
_NO_POLICY_CODES = frozenset({"0", "00", "000", "h"})


def _normalise(text: str) -> str:
    """Lower case, apostrophes dropped, hyphens and slashes as spaces (see SEED_VOCABULARY)."""
    return _HYPHENS.sub(" ", _APOSTROPHES.sub("", text.lower()))


def _term_pattern(term: str) -> str:
    """Regex source of one seed term: stems end in ``\\w*``, whole words may take a plural."""
    stem = term.endswith("*")
    words = _normalise(term.rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"\w*" if stem else r"(?:e?s)?") + r"\b"


@lru_cache(maxsize=1)
def _matchers() -> dict[str, tuple[re.Pattern[str], tuple[tuple[int, float], ...]]]:
    """Per two-letter word start, an alternation of the terms that begin so.

    Each value pairs the pattern with its groups' (domain index, weight); neutral phrases
    have index -1.  Longest first, so the longest term starting at a word wins.  Buckets
    try a few alternatives per word instead of the whole vocabulary: 0.02 ms rather than
    19 ms for a 25-word pledge, with the same scores.
    """
    terms = [(t.strip(), -1, 0.0) for t in NEUTRAL_PHRASES.split("|")]
    for index, domain in enumerate(DOMAINS):
        strong, support = SEED_VOCABULARY[domain]
        for weight, listing in ((STRONG_WEIGHT, strong), (SUPPORT_WEIGHT, support)):
            terms.extend((t.strip(), index, weight) for t in listing.split("|") if t.strip())
    terms.sort(key=lambda t: (-len(t[0].rstrip("*")), t[0], t[1]))
    buckets: dict[str, list[tuple[str, int, float]]] = {}
    for term in terms:
        buckets.setdefault(_normalise(term[0])[:2], []).append(term)
    return {
        prefix: (re.compile("|".join(f"(?P<t{i}>{_term_pattern(t)})" for i, (t, _, _) in enumerate(group))),
                 tuple((d, w) for _, d, w in group))
        for prefix, group in buckets.items()
    }


def domain_scores(text: str) -> dict[str, float]:
    """Matched seed-term weight per domain.

    Parameters
    ----------
    text : str
        A pledge or any passage, as written.

    Returns
    -------
    dict
        Domain name → summed weight of its terms in ``text`` (0 when none), for every
        domain in :data:`DOMAINS` order; a strong term adds :data:`STRONG_WEIGHT`, a
        supporting one :data:`SUPPORT_WEIGHT`.
    """
    matchers = _matchers()
    scores = [0.0] * len(DOMAINS)
    plain = _normalise(text)
    word = _WORD_START.search(plain)
    while word:
        at = word.start()
        pattern, groups = matchers.get(plain[at : at + 2], (None, ()))
        match = pattern.match(plain, at) if pattern else None
        if match:
            domain, weight = groups[int(match.lastgroup[1:])]
            scores[domain] += weight if domain >= 0 else 0.0
        word = _WORD_START.search(plain, match.end() if match else at + 1)
    return dict(zip(DOMAINS, scores))


def assign_domain(text: str, *, min_margin: float = MIN_MARGIN) -> tuple[str, float]:
    """The policy domain a passage's words point to.

    Parameters
    ----------
    text : str
        A pledge or any passage, as written.
    min_margin : float, default=MIN_MARGIN
        Least margin in [0, 1] of the best domain over the runner-up, as a share of the
        best domain's weight, for the best domain to be returned.

    Returns
    -------
    domain : str
        One of :data:`DOMAINS`, or :data:`UNASSIGNED` when no seed term matched or the
        best domain's margin is below ``min_margin`` (ties always are).  Ties between
        domains are broken by :data:`DOMAINS` order, so the answer is deterministic.
    confidence : float
        In [0, 1]: the margin times the amount of evidence (matched weight over
        :data:`FULL_EVIDENCE`, capped at 1).  0 means no evidence or a tie; 1 means at
        least two strong terms of one domain and none of any other.  Reported for the
        best domain even when it is not returned, so it shows how close it came.
    """
    scores = domain_scores(text)
    ranked = sorted(DOMAINS, key=lambda d: (-scores[d], DOMAINS.index(d)))
    best, runner_up = scores[ranked[0]], scores[ranked[1]]
    if best == 0:
        return UNASSIGNED, 0.0
    margin = (best - runner_up) / best
    confidence = round(margin * min(1.0, best / FULL_EVIDENCE), 4)
    if margin < min_margin or margin == 0:
        return UNASSIGNED, confidence
    return ranked[0], confidence


def domain_of_code(code: str | int | None) -> str:
    """The domain of a Manifesto Project category code.

    Parameters
    ----------
    code : str, int or None
        A category as the Manifesto Project writes it: "504", "per504", "503.1",
        "605_1", "per1011" (four-digit sub-categories), 504, or "000" / "H" / None.

    Returns
    -------
    str
        The domain named by the code's first digit (1 → External Relations … 7 → Social
        Groups, in :data:`DOMAINS` order); :data:`UNASSIGNED` for no policy content
        ("000"), headings ("H"), missing values and anything that is not such a code.
    """
    match = _CODE.match("" if code is None else str(code).strip().lower())
    first = int(match.group(1)) if match else 0
    return DOMAINS[first - 1] if 1 <= first <= len(DOMAINS) else UNASSIGNED


def _is_code(category: str | None) -> bool:
    """Whether a pledge category is written as a Manifesto Project code (including 000 and H)."""
    value = "" if category is None else str(category).strip().lower()
    return value in _NO_POLICY_CODES or _CODE.match(value) is not None


class DomainTagger:
    """Tag pledges with a Manifesto Project domain.

    A pledge whose ``category`` is a Manifesto Project code gets that code's domain (the
    human coder's judgement beats our word lists, and "000" or "H" say there is no
    policy content).  Every other pledge, whose category is missing ("", "NA") or from
    some other scheme, is tagged from the words of its clean text.

    Parameters
    ----------
    min_margin : float, default=MIN_MARGIN
        Least margin in [0, 1] of the best domain over the runner-up for a pledge tagged
        from its words (see :func:`assign_domain`).
    use_category : bool, default=True
        Whether a Manifesto Project code in ``Pledge.category`` decides the domain.
        False tags every pledge from its words, which is how to test the vocabularies
        on coded data.

    Attributes
    ----------
    domains_ : tuple of str
        The labels :meth:`predict` can return: :data:`DOMAINS` then :data:`UNASSIGNED`.
    """

    def __init__(self, min_margin: float = MIN_MARGIN, use_category: bool = True) -> None:
        self.min_margin = min_margin
        self.use_category = use_category

    def fit(self, pledges: tuple[Pledge, ...] | list[Pledge]) -> DomainTagger:
        """Check the parameters; nothing is learned from the pledges (the seeds are fixed).

        Raises
        ------
        OptionError
            When ``min_margin`` is not a number in [0, 1].
        """
        margin = self.min_margin
        if isinstance(margin, bool) or not isinstance(margin, (int, float)) or not 0 <= margin <= 1:
            raise OptionError(f"min_margin must be a number in [0, 1], not {self.min_margin!r}")
        self.domains_ = (*DOMAINS, UNASSIGNED)
        return self

    def predict(self, pledges: tuple[Pledge, ...] | list[Pledge]) -> list[str]:
        """One domain label per pledge, in input order.

        Returns
        -------
        list of str
            Each one of :data:`DOMAINS` or :data:`UNASSIGNED`.
        """
        if not hasattr(self, "domains_"):
            raise PolicydiffError("DomainTagger is not fitted: call fit() before predict()")
        labels = []
        for pledge in pledges:
            if self.use_category and _is_code(pledge.category):
                labels.append(domain_of_code(pledge.category))
            else:
                labels.append(assign_domain(pledge.clean or pledge.text, min_margin=self.min_margin)[0])
        return labels
