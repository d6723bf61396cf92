"""A lexicon of policy areas, to guide topic clustering towards subjects people recognise.

Manifesto pledges are short and varied: two housing pledges may share no word at all
("build 300,000 homes" / "cap rents for private tenants").  Clustering on their own words
alone groups them by phrasing rather than by subject.  This lexicon gives each pledge a
second description: how strongly it speaks of each of the policy areas below, which follow
the major topics of the Comparative Agendas Project (the coding scheme comparative
policy research uses for agendas and manifestos), with UK and US vocabulary.

Terms are separated by "|" and matched at word starts on lower-case text, so the stem
"hous" covers house, houses, housing and household; a term with a space is a phrase.  The lists were written from the
coding scheme's topic definitions, not from any test set.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

POLICY_AREAS: dict[str, str] = {
    "economy": "borrow|spending rules|fiscal rule|office for budget responsibility|obr|balance the budget|econom|growth|inflation|interest rate|deficit|national debt|borrowing|budget|fiscal|treasury|chancellor|productiv|recession|gdp|public finances|public spending|sterling|monetary|bank of england|industrial strategy|investment",
    "tax": "windfall|excess profits|tax rise|tax cut|tax|vat|income tax|corporation tax|national insurance|personal allowance|stamp duty|inheritance|capital gains|council tax|business rates|levy|tax relief|avoidance|evasion|loophole|hmrc",
    "business": "business|small firm|firms|enterprise|entrepreneur|start-up|startup|compan|shareholder|corporate|competition|consumer|regulat|red tape|high street|retail|lending|manufactur|export|trade deal|tariff|procurement",
    "labour": "fire and rehire|staff|switch off|gig economy|courier|holiday pay|sick pay|rights at work|employment rights|collective bargaining|fair pay|job|employ|unemploy|worker|wage|minimum wage|living wage|pay gap|zero-hours|zero hours|trade union|strike|apprentice|skills|training|workplace|maternity leave|paternity|parental leave|auto-enrol|flexible working|redundan",
    "health": "therap|anxiety|depression|mental|diagnostic|scan|operation|hip|knee|junk food|sugar|smoking|tobacco|alcohol|hospice|paramedic|nhs|health|hospital|gp|gps|doctor|nurse|nursing|patient|cancer|mental health|waiting list|waiting time|a&e|ambulance|prescription|dental|dentist|pharmac|clinic|surgery|surgeries|disease|obesity|vaccin|midwi|diagnos|treatment",
    "social care": "social care|care home|carer|dementia|elderly|older people|personal care|independent living|care costs|domiciliary",
    "welfare": "welfare|benefit|universal credit|tax credit|child benefit|poverty|food bank|state pension|pension|pensioner|triple lock|winter fuel|disability living|jobseeker|housing benefit|cost of living|means-test|bedroom tax",
    "education": "school|pupil|teacher|teaching|classroom|curriculum|ofsted|academ|free school|grammar|education|college|universit|student|tuition|degree|exam|gcse|a-level|nursery|childcare|early years|literacy|numeracy|special educational",
    "housing": "hous|home|homes|homeown|first-time buyer|mortgage|rent|renter|tenant|landlord|leasehold|social housing|council housing|affordable homes|planning|brownfield|green belt|homeless|rough sleep|help to buy|right to buy|property",
    "transport": "electrif|main line|branch line|rail line|petrol|diesel|new cars|cycle lane|walking route|rush hour|bus travel|concessionary|transport|rail|railway|train|station|bus|buses|road|motorway|traffic|congestion|cycl|pedestrian|airport|aviation|runway|high speed|hs2|fare|commuter|pothole|electric vehicle|motorist|driver|tram|metro|ferry|shipping",
    "environment": "emissions|zero-carbon|climate change|green space|environment|climate|carbon|emission|net zero|pollut|air quality|clean air|biodiversity|wildlife|nature|tree|forest|woodland|flood|river|sewage|plastic|recycl|waste|countryside|national park|animal welfare|peat|habitat",
    "energy": "energy|electricity|gas|oil|renewable|wind|solar|nuclear power|power station|fracking|shale|insulat|heat pump|fuel poverty|energy bill|boiler|grid",
    "agriculture": "farm|agricultur|food production|fisher|fishing|rural|crop|livestock|common agricultural|food standards|dairy",
    "crime": "burglar|shoplift|scam|offence|anti-social behaviour|police officers|emergency workers|crime|criminal|police|policing|officer|prison|sentenc|court|justice|victim|offender|knife|gun|terror|antisocial|anti-social|drug|gang|fraud|probation|magistrate|jury|prosecut|law and order|domestic abuse|violence against|detective|reoffend",
    "immigration": "small boats|channel crossing|smuggl|traffick|new citizens|english language|integrat|newcomer|dependant|work visa|skilled worker|immigra|migra|migrant|asylum|refugee|border|visa|deport|citizenship|settlement|net migration|home office|points-based|overstay",
    "defence": "defence spending|security pact|arms|weapon|peace|ceasefire|alliance|deterrent|ministry of defence|defence|defense|armed forces|army|navy|air force|raf|military|soldier|veteran|trident|nuclear deterrent|nato|troops|warship|submarine|service personnel|forces",
    "foreign affairs": "humanitarian|palestin|israel|ukrain|russia|china|india|free trade agreement|trade agreement|diplomat|foreign office|foreign|international|overseas|development aid|aid budget|diplomac|embassy|united nations|abroad|sanction|allies|conflict|commonwealth|global",
    "europe": "europe|european union|brexit|single market|customs union|withdrawal agreement|brussels|eu",
    "democracy": "polling|photo id|ethics|integrity|minister|citizens' assembl|citizens assembl|donation|political part|electoral|franchise|votes at 16|democra|election|elected|vote|voting|voter|parliament|house of lords|commons|mps|constitution|referendum|devolution|devolv|assembly|holyrood|senedd|stormont|local government|council|mayor|proportional representation|boundar|civil service|transparen|freedom of information|lobby|second jobs",
    "civil rights": "protest|demonstrat|speech|equality|equal|discriminat|racism|race|gender|women|lgbt|same-sex|human rights|civil libert|privacy|data protection|free speech|freedom of expression|religio|faith",
    "culture": "culture|cultural|arts|museum|library|libraries|heritage|sport|olympic|bbc|broadcast|media|press|tourism|tourist|creative industr|music|theatre",
    "technology": "broadband|digital|internet|online|technolog|science|research|innovation|artificial intelligence|mobile coverage|5g|cyber",
}

#: Weight of a multi-word term relative to a single word: "mental health" says more than "health".
PHRASE_WEIGHT = 2.0


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Per area: a pattern of its one-word stems and a pattern of its phrases."""
    compiled = []
    for terms in POLICY_AREAS.values():
        words = sorted((t for t in terms.split("|") if " " not in t), key=len, reverse=True)
        phrases = sorted((t for t in terms.split("|") if " " in t), key=len, reverse=True)
        compiled.append(
            (
                re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")"),
                re.compile(r"\b(?:" + "|".join(map(re.escape, phrases or ["\0"])) + ")"),
            )
        )
    return tuple(compiled)


def area_scores(texts: list[str]) -> np.ndarray:
    """How strongly each text speaks of each policy area.

    Returns
    -------
    numpy.ndarray of shape (len(texts), len(POLICY_AREAS))
        Term hits per area (phrases weigh :data:`PHRASE_WEIGHT`), each row L2-normalised;
        a row of zeros when no term matched.
    """
    scores = np.zeros((len(texts), len(POLICY_AREAS)))
    for row, text in enumerate(texts):
        lowered = text.lower()
        for column, (words, phrases) in enumerate(_patterns()):
            scores[row, column] = len(words.findall(lowered)) + PHRASE_WEIGHT * len(phrases.findall(lowered))
    norms = np.linalg.norm(scores, axis=1, keepdims=True)
    return np.divide(scores, norms, out=np.zeros_like(scores), where=norms > 0)


def area_names() -> tuple[str, ...]:
    """The policy areas, in the column order of :func:`area_scores`."""
    return tuple(POLICY_AREAS)
