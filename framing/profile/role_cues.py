"""The cue tables a speaker's role is read from: word lists and patterns only.

Kept apart from ``framing.profile.roles`` (which decides the order in which
places in the article are read and what wins) so that the tables can be
read, reviewed and edited as the labelling guide's categories
(``tests/data/realnews/PROFILES-GUIDE.md``, "Roles"), without the control
flow around them.  Every entry is meant to be the general form of a cue
(a title, an office, a relation, what happened to someone), not a phrase
from one article.  Before adding one, count on DEV how many articles it
decides a voice in and how often it is right there: a phrase right in a
single article ("started researching", "his former prison", a bare "gang
boss") is memorised and goes in only in the general form the guide gives
(a researcher's title, "former prisoner", "spent years in prison"); a
guide's title met once on DEV ("Mr Justice", "victim impact statement")
is general and stays.

``CUES`` is read in order of rank: the two strong cues (lived experience,
victims and their families) win wherever they occur in a description; the
rest go by position (the first found in the words wins).  ``SUBJECT_CUES``
are what an article says the speaker did or suffered after any mention of
their name; ``OBJECT_CUE`` what was done to them, written before it.
"""

from __future__ import annotations

import re

ACCUSED = "accused or convicted, speaking for themselves"
CUES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (role, label, re.compile(rx))
    for role, label, rx in (
        (
            "lived_experience",
            "lived experience",
            r"\b(?:former|ex-)(?:\s|-)?(?:prisoner|inmate|offender|convict|addict|gang member|"
            r"(?:heroin|drug|crack|meth) (?:user|addict|dealer)|heroin user|drug user|gangster|gang boss)s?\b"
            r"|\bwho (?:spent|served) (?:\w+ ){0,3}(?:years?|months?|time|a sentence)\b"
            r"|\b(?:serv(?:e|ed|ing)|sp[ae]n[dt](?:ing)?) (?:\w+ ){0,3}(?:years?|months?) (?:in|behind) "
            r"(?:[\w-]+ ){0,3}(?:prisons?|jails?|custody|bars)\b"
            # addiction told as the speaker's story (recovery journalism)
            r"|\b(?:was|were|became|got|been|while|when) (?:\w+ )?(?:addicted to|hooked on)\b|\bwent to rehab\b"
            r"|\bturn(?:ed|ing)? to (?:alcohol|drugs|heroin|crack|crime)\b|\b[Gg]angster\b"
            r"|\blife of crime\b|\bcriminal past\b"
            # criminal exploitation told as the speaker's story (county lines)
            r"|\b(?:was|were|been|being) (?:\w+ )?(?:recruited|groomed|exploited|drawn) (?:by|into) (?:a |the )?"
            r"(?:gang|gangster|drug|county lines|crime)\w*"
            r"|\b(?:drug|county lines) (?:runner|mule|courier)s?\b"
            r"|\b(?:was|were|been) (?:released|freed) from (?:prison|jail|custody)\b"
            r"|\b(?:whose|her|his|their) (?:son|daughter|husband|wife|partner|father|mother|brother|sister|child|children|dad|mum)"
            r" (?:is|was|are|were|has been) (?:serving|in prison|in jail|jailed|imprisoned|remanded|locked up)\b"
            r"|\blived experience\b|\bin recovery\b|\brecovering addict\b|\bprison leaver\b"
            r"|\b(?:mother|father|wife|partner|sister|brother) of (?:a |the )?(?:prisoner|inmate|convicted)\b"
            # a prisoner's relative: "insisted her mother doesn't deserve to be in prison"
            r"|\b(?:whose|her|his|their|my|our) (?:\w+ )?(?:sons?|daughters?|husband|wife|partner|father|mother|"
            r"brothers?|sisters?|child|children|dad|mum)\b[^.!?]{0,40}\b(?:in prison|in jail|behind bars|"
            r"on death row|(?:was|were) (?:arrested|convicted|jailed|sentenced|charged)|is serving|are serving)\b"
            # in the speaker's own words: "when I was in prison", "I served six years"
            r"|\b(?:[Ww]hen|[Ww]hile|[Ss]ince|[Aa]fter) I (?:was|got) (?:in prison|in jail|inside|locked up|released|sent down)\b"
            r"|\bI (?:served|spent|did) (?:\w+ ){0,3}(?:years?|months?|time) (?:in|behind) (?:prison|jail|bars|custody)\b"
            r"|\bI (?:was|have been|had been|got) (?:jailed|imprisoned|locked up|sent to prison|released from prison)\b"
            r"|\bmy (?:time|years) (?:inside|in prison|in jail|behind bars)\b"
            r"|\bmy (?:[\w-]+ )?(?:convictions?|offending|addiction|sentence|prison sentence|criminal record)\b"
            r"|\bI (?:was|am|’m|'m) (?:a |an )?(?:recovering |former |ex-)?(?:[\w-]+ )?addict\b",
        ),
        (
            "victims",
            "victim or family",
            r"\b(?:whose|her|his|their) (?:son|daughter|husband|wife|partner|father|mother|brother|sister|child|dad|mum)"
            r" (?:was|were|had been) (?:killed|murdered|stabbed|shot|attacked|raped|assaulted|abused|died)\b"
            r"|\b(?i:family|relatives|mother|father|parents|sister|brother|widow|widower|mum|dad|son|daughter)"
            r" of (?:the |a )?(?:victim|murdered|late|missing|tragic|slain|stabbing victim)\b"
            r"|\b(?:lawyer|solicitor|barrister|attorney)s? (?:for|representing|acting for) (?:the )?(?:\w+ )?"
            r"(?:family|families|victims?|bereaved)\b"
            r"|\bfamil(?:y|ies)(?:’s|'s|’|') (?:lawyer|solicitor|attorney|barrister)s?\b"
            r"|\b(?:her|his|their|my|our) (?:husband|wife|partner|son|daughter|child|mother|father|brother|"
            r"sister|boy|girl|mum|dad)(?:’s|'s) (?:\d{4} )?(?:death|murder|killing|killers?|murderers?)\b"
            r"|\bvictim impact statement\b|\b(?:my|our) (?:son|daughter|husband|wife|partner|child|mother|father|"
            r"brother|sister|boy|girl|baby|mum|dad)\b[^.!?]{0,30}\b(?:was|were|had been|has been) "
            r"(?:killed|murdered|stabbed|shot|attacked|raped|assaulted|abused|a victim|taken from)\b"
            # in the speaker's own words: "I was attacked", "he punched me", "my attacker"
            r"|\bI (?:was|had been|have been|'ve been|’ve been|got) (?:\w+ly )?(?:attacked|stabbed|punched|"
            r"assaulted|raped|robbed|mugged|abused|beaten up|scammed|conned|defrauded|stalked|groomed|"
            r"burgled|kicked|strangled|spat at|sexually assaulted|targeted by)\b"
            r"|\b(?:he|she|they) (?:attacked|stabbed|punched|assaulted|raped|robbed|mugged|abused|"
            r"kicked|strangled|groomed|stalked|conned|scammed) (?:me|us)\b"
            r"|\b(?:my|our) (?:attacker|abuser|rapist|stalker|assailant|mugger)s?\b"
            # "Nilsen murdered my brother", "the man who killed our daughter", "my son's killer"
            r"|\b(?:killed|murdered|stabbed|shot|raped|abused|took) (?:my|our) (?:son|daughter|husband|wife|"
            r"partner|child|children|mother|father|brother|sister|boy|girl|baby|mum|dad)\b"
            r"|\b(?:my|our) (?:son|daughter|husband|wife|partner|child|mother|father|brother|sister|boy|girl|"
            r"baby|mum|dad)(?:’s|'s) (?:killers?|murderers?|murder|killing|attackers?|abusers?)\b",
        ),
        (
            "victims",
            "victim or survivor",
            r"\b(?:victims?|survivors?|bereaved)\b(?! support| commissioner|s' commissioner|s’ commissioner)",
        ),
        (
            # in criminal justice news a relative who speaks is most often a
            # victim's ("Bernadette's mother Sarah told ...", "his widow Lissie");
            # a prisoner's relative is caught by the lived-experience cue first
            "victims",
            "relative",
            r"\b(?:[Mm]other|[Ff]ather|[Mm]um|[Dd]ad|[Dd]aughter|[Ss]ons?|[Ss]ister|[Bb]rother|[Ww]idow|[Ww]idower|wife|"
            r"husband|[Gg]randmother|[Gg]randfather|grandson|granddaughter|gran|grandma|aunt|uncle|niece|"
            r"nephew|fianc[ée]e?|[Pp]arents|family|families|relatives|loved ones|stepfather|"
            r"stepmother|stepdaughter|stepson|bereaved|grieving|heartbroken)\b"
            r"(?! Court| court| [Ll]iaison| [Dd]ivision| law| [Ll]aw| of (?:one|two|three|four|five)\b(?!-)|-of-)",
        ),
        (
            # "Sean Brunton QC, prosecuting", "Prosecuting, Eileen Rodgers": prosecution
            # counsel are police and prosecution, whatever the court title beside them
            "police_prosecution",
            "prosecution counsel",
            r"\b(?:QC|KC|counsel|barrister|solicitor),? (?:prosecuting|for the (?:prosecution|Crown))\b"
            r"|\b[Pp]rosecuting,? (?:barrister |counsel |solicitor )?[A-Z]"
            r"|\b(?:[Dd]irector|DIRECTOR) of [Pp]ublic [Pp]rosecutions?\b|\bDPP\b",
        ),
        (
            "courts",
            "court title",
            r"\b(?:Judges?|judges?|Recorder|magistrates?|Magistrates?|Lord Justice|Mr Justice|Mrs Justice|Justice(?= [A-Z])|"
            # a coroner is a judicial officer; inquests are courts
            r"[Cc]oroners?|"
            # defence counsel speak as officers of the court (the labelling guide's ruling)
            r"sheriff|Sheriff|jury|justices|district judge|the bench|defending|defen[cs]e (?:barrister|"
            r"counsel|lawyer|solicitor|attorney)|counsel for|barrister|QC|KC|mitigation|"
            r"(?:[Hh]is|[Hh]er|[Tt]heir) (?:attorney|lawyer|solicitor|barrister)|attorney for|"
            r"(?<!family)(?<!families)(?:’s|'s) (?:defen[cs]e )?(?:attorney|lawyer|solicitor|barrister)|"
            r"[Rr]uling|[Jj]udg(?:e)?ment|[Ll]awyers?|[Ss]olicitors?|[Aa]ttorneys?(?! [Gg]eneral)|"
            r"called to the [Bb]ar|who represents?|who represented|"
            r"(?:his|her|their) clients?|(?:lawyer|solicitor|attorney)s? (?:for|representing) "
            r"(?!the (?:famil|victim|bereaved)|victims?|famil|bereaved))\b",
        ),
        (
            "lived_experience",
            ACCUSED,
            r"\b(?:pleaded (?:guilty|not guilty)|denies|denied|was jailed|was convicted|was sentenced|"
            r"was charged|is accused|stands accused|the defendant|an inmate|a prisoner)\b",
        ),
        (
            "police_prosecution",
            "police or prosecution title",
            r"\b(?:police|Police|policing(?! [Mm]inister)|(?<=the )coppers?|[Ll]aw enforcement|"
            r"(?<=[Tt]he )Met(?! Office| Gala)|officers?|Officers?|Det\b|Detective|Supt|[Ss]uperintendent|"
            r"match commander|"
            r"sergeant|constable|detectives?|Inspector(?! of| General)|"
            # the Met's and Australian forces' ranks above Commander
            r"(?:Deputy |Assistant |Deputy Assistant )Commissioner|Police Commissioner|"
            r"Commissioner of (?:the )?(?:Metropolitan )?Police|"
            r"Insp|Sgt|Sergeant|Constable|PC|DC|DS|DI|DCI|DCS|Chief Constable|Commander|constabulary|"
            r"prosecutors?|Prosecutors?|prosecuting|prosecution|Crown Prosecution|[Tt]he force|Interpol|"
            r"[Ii]nvestigators?|District Attorney|district attorney|U\.?S\.? [Aa]ttorneys?(?! [Gg]eneral)|S\. Attorney|"
            # the US Justice Department prosecutes (the UK's is the Ministry of Justice)
            r"[Jj]ustice [Dd]epartment|DoJ|DOJ|"
            r"FBI|NYPD|LAPD|troopers?|Sheriff's Office|sheriff's office|police station)\b(?! General)",
        ),
        (
            "prison_probation",
            "prison or probation title",
            r"\b(?:prison governor|[Gg]overnor of (?:HMP|HM Prison|HMYOI|the prison|[A-Z]\w+ (?:[Pp]rison|jail))|"
            r"prison officers?|prison service|probation officers?|[Cc]orrections officers?|"
            # a corrections department is a prison service (the guide), whatever
            # its country calls it: Corrective Services, Correctional Service
            r"[Cc]orrective [Ss]ervices?|[Cc]orrectional (?:[Ss]ervices?|[Oo]fficers?|[Ff]acility|[Cc]entre)|"
            r"prison (?:warden|guard|officer|staff)s?|[Ww]arden (?:at|of) (?:the )?[A-Z]\w*|"
            r"probation|Probation|HMPPS|Prison Service)\b",
        ),
        (
            "government",
            "government or political title",
            r"\b(?:minister|Minister|MP|MPs|MSP|Secretary|secretary of state|government|Government|"
            r"[Aa]ll-[Pp]arty [Pp]arliamentary [Gg]roup|APPG|[Pp]arliamentary (?:group|committee)|"
            r"Commons Speaker|(?<=the )Commons|Commons [\w ]{0,30}?[Cc]ommittee|"
            r"aides? (?:to|of) (?:the )?(?:[Gg]overnor|[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|[Mm]ayor|"
            r"[Ss]ecretary)|"
            r"Prime Minister|Chancellor|Cllr|councillor|Councillor|council|Council|mayor|Mayor|Tory|"
            r"Labour|Conservative|Police and Crime Commissioner|police and crime commissioner|PCC|"
            r"Lib Dem|shadow|Shadow|peer|Lord|MEP|Member of Parliament|Cabinet|Baroness|spokesman for the Ministry|Whitehall|"
            r"Senator|Sen\.|Rep\.|Congressman|Congresswoman|congressman|President|Democrats?|"
            r"Republicans?|White House|Downing Street|PM|[RD]-[A-Z][a-z]+|(?<=[Tt]he )president|[Ww]hite [Pp]aper|(?:home|justice|foreign|health|shadow|culture|defence) secretary|Governor(?= [A-Z])|Attorney General)\b",
        ),
        (
            "research",
            "research or inspectorate title",
            r"\b(?:Professor|professor|Prof|researchers?|academic|criminologist|lecturer|[Ss]tatisticians?|"
            r"university|University|study|inspectors? of|Chief Inspector of|inspectorate|Inspectorate|"
            r"researching|researched|author of|"
            r"ombudsman|Ombudsman|think tank|think-tank|analyst|expert|experts|specialist|"
            r"[Pp]sychologist|[Pp]sychiatrist|historian|scientist|[Ff]orensic|Institute|institute|[Cc]riminologist|"
            r"expert witness|defence witness|called by the (?:defence|prosecution)|"
            # public inquiries, their chairs and counsel (the guide's ruling)
            r"[Pp]ublic [Ii]nquiry|[Ii]nquiry (?:chair(?:man|woman)?|panel|report)|"
            r"counsel to the [Ii]nquiry|[Rr]oyal [Cc]ommission)\b",
        ),
        (
            "charities",
            "charity or campaign",
            r"\b(?:[Cc]harity|[Cc]harities|[Cc]ampaigner|[Cc]ampaigners|campaign group|campaign|[Ff]ounder of|"
            r"[Cc]o-founder of|campaigning|campaigned|petition|[Cc]harity's|[Cc]harity’s|"
            r"[Cc]hief [Ee]xecutive of|director of|pressure group|community group|volunteer|[Aa]ctivist|"
            r"advocacy|trust|Trust|Foundation|foundation|reform group|organisation)\b",
        ),
    )
)

ACCUSED_SPEAKER = re.compile(
    r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}(?:defendant|accused|pervert|paedophile|killer|murderer|"
    r"rapist|attacker|thief|robber|burglar|fraudster|conman|abuser|offender|thug|gunman|knifeman|"
    r"felon|convict|inmate|prisoner|smuggler|dealer|detainee)"
)
BYSTANDER = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:(?:close|family|childhood|old|best|local|"
    r"former)\s+)?(?:[Ff]riends?|[Nn]eighbou?rs?|[Ww]itness(?:es)?|[Bb]ystanders?|[Pp]asser-?by|"
    r"[Pp]assers-?by|[Cc]lassmates?|[Ss]chool ?friends?)\b"
)
# a police rank in the speaker's naming ("Det Insp Jane Smith", "PC Bird")
RANK = re.compile(
    r"\b(?:Det|Detective|DC|DS|DI|DCI|DCS|Supt|Superintendent|Insp|Inspector(?! of| General)|"
    r"Sgt|Sergeant|PC|Constable|Chief Constable)\b(?!’s|'s)"
)
# a lower-case description written right before a name ("campaigner Jane Doe",
# "criminologist Tom Smith", "grieving mother Sarah"): after the offices
WORD_BEFORE = re.compile(
    r"\b(?:(?P<research>[Pp]rofessor|Prof|criminologist|researcher|academic|lecturer|"
    r"psychologist|psychiatrist)|(?P<charities>campaigners?|activists?|charity (?:boss|chief|founder|worker)|"
    r"volunteer)|(?P<victims>victim|survivor|grieving (?:mother|father|mum|dad|widow|parents)|"
    r"bereaved (?:mother|father|mum|dad|parents))|(?P<lived_experience>ex-(?:prisoner|offender|con|convict|inmate)|"
    r"former (?:prisoner|offender|inmate)|prisoner|inmate|convict|killer|murderer|rapist|paedophile)|"
    # "her father Denis Glennon": a relative who speaks is a victim's by default,
    # as at a first mention (a relative of the accused is caught in ``role``)
    r"(?P<relative>(?:his|her|their) (?:father|mother|mum|dad|sister|brother|son|daughter|widow|widower|"
    r"husband|wife|parents|grandmother|grandfather|aunt|uncle|niece|nephew)))",
    re.IGNORECASE,
)

ANAPHOR = re.compile(
    r"(?:The|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:(?P<government>Prime Minister|PM|Home Secretary|Justice Secretary|Foreign Secretary|Chancellor|"
    r"[Mm]inister|MP|MSP|MEP|[Ll]eader|President|[Pp]resident|Mayor|mayor|[Cc]ouncillor|peer|[Ss]enator|"
    r"[Gg]overnor|[Cc]ongress(?:wo)?man|politician)|(?P<charities>campaigner|activist|charity (?:boss|chief|founder))|(?P<research>[Pp]rofessor|academic|criminologist|researcher|lecturer|psychologist))"
    r"(?=[ \t]+(?:[a-z]|has|had|said|told|added))"
)
# a sentence opening with a description of someone not yet named
LEDE = re.compile(
    r"(?P<np>(?:The|A|An|His|Her|Their)[ \t]+[^,.;:!?\n]{2,80}?)[ \t]+(?:has|have|had|was|is|says|said|told|who|hit out|"
    r"slammed|spoke|paid|described|revealed|urged|called|warned|claimed)\b"
)
# after the speaker's name, anywhere in the article: an appositive (", 34,"
# or ", from Leeds,") and a few words, then what happened to them
BETWEEN = r"(?:’s|'s)?(?:,[^.\n]{1,80}?,)?\s+(?:(?:had|has|have|was|is|also|later|then|previously|allegedly|himself|herself)\s+){0,2}"
# "Smith's son Jack, 19," before what happened to the relative
RELATIVE_OF = (
    r"(?:’s|'s)[ \t]+(?:(?:\w+-year-old|eldest|youngest|only|late|beloved|teenage|two|three)[ \t]+)?"
    r"(?:sons?|daughters?|husband|wife|partner|child|children|mother|father|brothers?|sisters?|boy|girl|"
    r"baby|dad|mum|grandson|granddaughter)(?:[ \t]+[A-Z][\w’'-]+){0,2}(?:,[^.\n]{1,40},)?[ \t]+"
)
# a speaker named as someone's relative: "PC Harper's mother", "Nilsen's brother Tom"
KIN_SPEAKER = re.compile(
    r"(?:[Tt]he[ \t]+)?(.*?\S)(?:’s|'s)[ \t]+(?:(?:\w+-year-old|eldest|youngest|late|grieving|heartbroken)[ \t]+)?"
    r"(mother|father|mum|dad|sons?|daughters?|sisters?|brothers?|widow|widower|wife|husband|parents|"
    r"family|grandmother|grandfather|aunt|uncle|cousin|fianc[ée]e?)(?:[ \t]+[A-Z][\w’'-]+){0,2}"
)
SUBJECT_CUES: tuple[tuple[str, str, str], ...] = (
    (
        # "Smith, 52, founded the charity in 2010", "Jones runs a youth project"
        "charities",
        "charity or campaign",
        BETWEEN
        + r"(?:founded|co-founded|set up|runs|ran|launched|started|leads|chairs) (?:the |a |an |her |his |their )?"
        r"(?:[\w-]+ ){0,3}(?:charity|charities|foundation|trust|campaign group|support group|community group|"
        r"youth (?:club|project|group)|outreach (?:project|programme)|food bank|refuge)\b",
    ),
    (
        # only a politician addresses Parliament or a party's conference: "Johnson
        # told MPs", "Starmer told the Commons", "Patel told the Tory conference"
        "government",
        "government or political title",
        BETWEEN
        + r"(?:told|warned|assured|reminded|addressed|urged) (?:fellow )?(?:MPs|MSPs|AMs|peers|the Commons|"
        r"the House(?: of Commons| of Lords)?|Parliament|the Lords|the Senate|Congress|"
        r"(?:the )?(?:Tory|Labour|Conservative|Lib Dem|SNP|party) (?:party )?conference)\b",
    ),
    (
        # only a judge rules or passes sentence: "Sir Duncan Ouseley ruled that",
        # "Judge Smith jailed him for six years"
        "courts",
        "court title",
        BETWEEN + r"(?:ruled (?:that|in favour|against)|sentenced (?:him|her|them|the)|"
        r"jailed (?:him|her|them) for|passed sentence|handed (?:him|her|them) (?:a|an) \w+ (?:sentence|order))",
    ),
    (
        "lived_experience",
        ACCUSED,
        # passive or plea forms only: "Starmer accused the PM", "Johnson pleaded with
        # the public" and "Sharma admitted it was a mistake" are not a defendant's part
        BETWEEN + r"(?:pleaded (?:guilty|not guilty)|pled (?:guilty|not guilty)|"
        r"(?:admitted|admits|denied|denies) (?:murder|manslaughter|causing|possession|assault|"
        r"theft|fraud|robbery|rape|the (?:offence|charges?|allegations?)|charges?|offences|\w+ing\b)|"
        r"was jailed|been jailed|jailed|"
        r"was convicted|been convicted|was sentenced|sentenced|was charged|charged|"
        r"is accused|was accused|been accused|stands accused|was arrested|arrested|was found guilty|found guilty|"
        r"served|spent \w+ (?:years|months) (?:in|behind)|was released|released from|"
        r"appeared (?:at|in|before)|went on trial|is on trial|stood trial|faces|was acquitted|"
        r"was cleared|cleared|was detained|detained|(?<!was )(?:killed|murdered|stabbed|attacked|raped)|"
        r"was imprisoned|imprisoned|is serving|was serving|escaped|became addicted|was addicted|"
        r"started (?:using|taking|drinking|self-harming)|relapsed|got clean|went to rehab)\b",
    ),
    (
        # "Aomar Ait Khedache, the alleged mastermind, said", "John Wray, already a
        # convicted sex offender, offered"
        "lived_experience",
        ACCUSED,
        r",\s*(?:(?:already|now|himself|herself|also)\s+)?(?:the |a |an )?(?:alleged|convicted|self-confessed|"
        r"jailed|disgraced)\s+(?:[\w-]+\s+){0,2}(?:mastermind|killer|murderer|offender|paedophile|rapist|"
        r"dealer|robber|thief|fraudster|conman|gangster|attacker|abuser|ringleader)\b",
    ),
    (
        # a relative's part, said with the speaker's name: "Mrs Dengue's son
        # Rico was jailed", "Ms Walker's brother is serving life"
        "lived_experience",
        "family of the accused",
        RELATIVE_OF
        + r"(?:is|was|were|are|has been|had been) (?:\w+ )?(?:serving|jailed|imprisoned|convicted|sentenced|"
        r"charged|locked up|in prison|behind bars|on death row|found guilty)\b",
    ),
    (
        # fraud and theft: "Charlotte Edmonds, 38, lost £1,700", "Di Pogson was conned"
        "victims",
        "victim or family",
        r"(?:,[^.\n]{1,80}?,)?\s+(?:(?:has|had|was|were)\s+)?(?:lost (?:£|\$|€|\d)|conned|scammed|defrauded|"
        r"fleeced|swindled|fell victim|was left (?:out of pocket|with(?:out)? (?:£|\$)))",
    ),
    (
        "victims",
        "victim or family",
        BETWEEN
        + r"(?:(?:was|were) (?:\w+ly )?(?:attacked|stabbed|assaulted|injured|hurt|robbed|raped|abused|"
        r"targeted|punched|beaten|shot|kidnapped|scammed|defrauded|left|killed|murdered|blinded|"
        r"disfigured|scarred|burned|slashed|knocked|strangled|found dead|found (?:in|with) (?:a|her|his)|"
        r"threatened|harassed|stalked|groomed|conned|burgled|spat at)|suffered|died|"
        r"lost (?:his|her|their) (?:son|daughter|husband|wife|child|mother|father|brother|sister)|"
        r"whose (?:son|daughter|husband|wife|partner|child|mother|father|brother|sister)\b[^.]{0,40}"
        r"(?:killed|murdered|died|stabbed|attacked|death))\b",
    ),
    (
        # "Mrs Gould's daughter Ellie was murdered": the speaker is the victim's family
        "victims",
        "victim or family",
        RELATIVE_OF
        + r"(?:was|were|had been|has been) (?:\w+ )?(?:killed|murdered|stabbed|shot|attacked|raped|assaulted|"
        r"abused|kidnapped|found dead|knocked down)\b",
    ),
)


# before the speaker's name: what was done to them ("pointed the shotgun at Mr
# Robertson", "assault occasioning actual bodily harm against Ms Ibbotson",
# "murdered teenager Ellie Gould": a relative sharing the name is the
# victim's family, the same role)
OBJECT_CUE = (
    r"(?:\battack(?:ed|s)? on|\bassault(?:ed|ing|s)?(?: [\w-]+){0,5} (?:against|on)|"
    r"\b(?:violence|offences?|crimes?|threats?|abuse) against|\bmurder(?:ed|ing)?(?: of)?|\bkilling of|"
    r"\bdeath of|\bstabb(?:ed|ing)(?: of)?|\bshooting of|\bpunched|\battacked|\braped|\babused|\brobbed|"
    r"\bthreatened|\bkidnapped|\bstalked|\bpointed (?:[\w-]+ ){0,3}at|\bhit on|\bstolen from|"
    r"\bowned by|\bvictims?,?|\bsurvivor,?)"
    r"\s+(?:(?:the|his|her|their|Mr|Mrs|Ms|Miss|Dr|PO|PC|Sgt|[Oo]fficer|teenager|schoolgirl|schoolboy|"
    r"student|pensioner|[\w]+-year-old|father|mother|grandfather|grandmother|son|daughter)\s+){0,3}"
    r"(?:[A-Z][\w'’-]+\s+){0,2}"
)

# the lived-experience nouns (not a predicate such as "was hooked on")
SOMEONE_ELSES = re.compile(r"(?:[Ff]ormer|[Ee]x-|[Gg]angster)")
APPOSED = re.compile(
    r"(?:,|\b(?:an?|the|himself|herself|themselves|now|once|was|is|became|as|being))\s*$"
)
# a student speaks for no university ("who attends Cornell University")
STUDENT = re.compile(
    r"\b(?:students?|attends|attended|attending|studying|studies|studied|graduated?|graduates|alumn\w*)"
    r"\b[^,.;]{0,20}$"
)
