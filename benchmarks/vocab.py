"""Word pools for the synthetic news generator (data only; see :mod:`benchmarks.generate`).

Pools are written as ``|``-separated strings to keep the file short. Apostrophes are curly
(’); the generator straightens them for articles set in straight quotes. Every name here
is invented or a common given name/surname; no real person is quoted.
"""

from __future__ import annotations


def _p(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split("|") if x.strip())


FIRST_F = _p(
    "Ana|Maria|Priya|Fatima|Sarah|Chloe|Mei|Aisha|Elena|Grace|Hannah|Ingrid|Jasmine|Keiko|Laura|"
    "Mélanie|Nadia|Olivia|Paula|Rosa|Sofia|Tanya|Uma|Valérie|Wendy|Yasmin|Zoe|Amara|Beatriz|Carmen|"
    "Deepa|Emily|Farah|Gabriela|Helen|Irene|Julia|Kamala|Lucia|Monique|Noor|Odette|Pilar|Rachel|"
    "Sunita|Teresa|Anita|Catherine|Diane|Esther|Fiona|Gloria|Imani|Joanna|Karen|Leila|Marta|Naomi"
)
FIRST_M = _p(
    "David|James|Rajeev|Omar|Luis|Daniel|Kwame|Hiroshi|Pierre|Marco|Thomas|Ahmed|Benoît|Carlos|"
    "Dominic|Ethan|Felix|Gabriel|Hassan|Ivan|Jamal|Kenji|Liam|Mateo|Nikhil|Oscar|Paolo|Rashid|"
    "Samuel|Tariq|Umar|Victor|William|Xavier|Yusuf|Andrés|Bruno|Chen|Diego|Emeka|Farid|Gordon|"
    "Henrik|Isaac|Jonah|Karim|Lars|Mohammed|Nathan|Patrick|Raymond|Stefan|Tomás|Vikram|Walter|Arjun"
)
SURNAMES = _p(
    "Torres|Okafor|Nguyen|Lindqvist|Haddad|Kowalski|Moreau|Tanaka|Brennan|Castillo|Delacroix|"
    "Eriksen|Fitzgerald|Gallagher|Hoffmann|Iqbal|Jablonski|Kaur|Laurent|Mbeki|Nakamura|O’Brien|"
    "Petrov|Quinlan|Rahman|Santos|Thibault|Usman|Vasquez|Whitfield|Xu|Yamamoto|Zielinski|Abiodun|"
    "Bergström|Chaudhry|Dimitrov|Esposito|Ferreira|Gupta|Halvorsen|Ibrahim|Jansen|Kovacs|Lemaire|"
    "MacLeod|Novak|Osei|Pellegrini|Rossi|Sandoval|Tremblay|Ueda|Varga|Wojcik|Yilmaz|Achebe|"
    "Beaulieu|Carvalho|Dubois|Ekström|Fontaine|Grewal|Horvat|Ivanova|Jovanovic|Kimura|Lachance|"
    "Mendoza|Nieminen|Ortega|Park|Richter|Sato|Takahashi|Ulrich|Villeneuve|Weber|Zhou|Aguilar|"
    "Bianchi|Costa|Desai|Engel|Farouk|Gauthier|Hughes|Ishikawa|Johal|Keller|Lindgren|Mensah|Nair|"
    "Ouellet|Pham|Reyes|Schulz|Tshabalala|Valdez|Wallace|Adeyemi|Banerjee|Cho|Dawson|Fraser|Ghosh|"
    "Hamid|Kapoor|Leblanc|Murphy|Nowak|Oyelaran|Prasad|Rivera|Singh|Vance|Ward|Young|Zeller"
)

# topic -> fields. role: (title, description) pairs; the description refers back later.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "trade": {
        "section": _p("Business|Politics|World"),
        "roles": _p(
            "Trade Minister:the minister|Finance Minister:the finance minister|"
            "Commerce Secretary:the secretary|Trade Representative:the trade envoy"
        ),
        "orgs": _p(
            "Chamber of Commerce|Ministry of International Trade|Exporters Association|"
            "Steelworkers Union|Automotive Parts Manufacturers’ Association"
        ),
        "things": _p(
            "the new tariffs|steel and aluminum levies|the free trade agreement|"
            "export quotas|the digital services tax|retaliatory duties|the joint review "
            "of the trade pact|lumber duties|supply management rules|the customs deal|"
            "sectoral tariffs|the border adjustment plan"
        ),
        "stats": _p(
            "exports|the trade deficit|steel shipments|imports of auto parts|cross-border freight volumes"
        ),
        "who": _p("exporters|autoworkers|steel towns|farmers|small manufacturers|port workers"),
    },
    "housing": {
        "section": _p("Real Estate|Local|Politics"),
        "roles": _p(
            "Housing Minister:the minister|Mayor:the mayor|"
            "Councillor:the councillor|Tenant Advocate:the advocate"
        ),
        "orgs": _p(
            "Real Estate Board|Home Builders’ Association|Tenants’ Federation|"
            "Housing Corporation|City Council"
        ),
        "things": _p(
            "the rent cap|the zoning reform|the vacancy tax|the first-time buyer grant|"
            "the affordable housing fund|mortgage stress tests|the short-term rental ban|"
            "the four-plex bylaw|development charges|the modular homes program|"
            "the foreign buyer ban|the transit-oriented housing plan"
        ),
        "stats": _p("average rents|home sales|housing starts|the benchmark home price|mortgage arrears"),
        "who": _p("renters|first-time buyers|young families|seniors|builders|landlords"),
    },
    "health": {
        "section": _p("Health|Politics|Local"),
        "roles": _p(
            "Health Minister:the minister|Chief Medical Officer:the doctor|"
            "Hospital Chief Executive:the hospital chief|Nurses’ Union President:"
            "the union leader"
        ),
        "orgs": _p(
            "Medical Association|Nurses’ Union|Health Authority|Pharmacists’ Association|Patients’ Coalition"
        ),
        "things": _p(
            "emergency room closures|the pharmacare plan|surgical wait times|"
            "the nurse staffing ratio|the dental care program|walk-in clinic funding|"
            "the measles vaccination drive|the mental health strategy|"
            "private surgical clinics|the long-term care overhaul|the drug shortage|"
            "the family doctor registry"
        ),
        "stats": _p("wait times|emergency visits|vaccination rates|hospital occupancy|nursing vacancies"),
        "who": _p("patients|nurses|rural clinics|seniors|parents|family doctors"),
    },
    "energy": {
        "section": _p("Business|Climate|Politics"),
        "roles": _p(
            "Energy Minister:the minister|Utility Chief Executive:the chief executive|"
            "Grid Operator Director:the director|Pipeline Company President:"
            "the company president"
        ),
        "orgs": _p(
            "Power Authority|Petroleum Producers’ Association|Renewable Energy Council|"
            "Grid Operator|Utilities Commission"
        ),
        "things": _p(
            "the carbon levy|the pipeline expansion|the offshore wind tender|"
            "electricity rates|the nuclear refurbishment|the emissions cap|"
            "the heat pump rebate|the hydro dam project|the clean fuel standard|"
            "the battery plant subsidy|the gas plant phase-out|the grid upgrade"
        ),
        "stats": _p("electricity prices|oil output|gas prices|wind capacity|peak demand"),
        "who": _p("households|oil workers|heavy industry|rural customers|ratepayers|drivers"),
    },
    "elections": {
        "section": _p("Politics|National|Opinion"),
        "roles": _p(
            "Opposition Leader:the opposition leader|Campaign Director:"
            "the campaign director|Chief Electoral Officer:the electoral officer|"
            "Party Leader:the party leader"
        ),
        "orgs": _p("Elections Commission|Liberal Party|Conservative Party|Green Party|Democracy Watch"),
        "things": _p(
            "the snap election|the leadership review|the debate schedule|"
            "mail-in ballots|the riding redistribution|campaign finance limits|"
            "the byelection result|foreign interference rules|the voter ID law|"
            "the floor-crossing|advance polling|the party platform"
        ),
        "stats": _p("turnout|the party’s polling numbers|donations|advance votes|the approval rating"),
        "who": _p("voters|young voters|candidates|volunteers|suburban ridings|rural voters"),
    },
    "climate": {
        "section": _p("Climate|Science|World"),
        "roles": _p(
            "Environment Minister:the minister|Climate Scientist:the scientist|"
            "Conservation Director:the conservationist|Fire Chief:the fire chief"
        ),
        "orgs": _p(
            "Climate Action Network|Weather Service|Wildlife Federation|"
            "Forest Products Council|Environmental Defence"
        ),
        "things": _p(
            "the wildfire season|the flood maps|the methane rules|"
            "the plastics ban|the coastal erosion plan|the tree planting program|"
            "the drought relief fund|the heat warning system|the wetland protections|"
            "the emissions target|the climate adaptation fund|the water restrictions"
        ),
        "stats": _p("emissions|burned hectares|rainfall|average temperatures|flood claims"),
        "who": _p("coastal towns|farmers|firefighters|insurers|northern communities|anglers"),
    },
    "transport": {
        "section": _p("Local|Business|Politics"),
        "roles": _p(
            "Transport Minister:the minister|Transit Authority Chair:the chair|"
            "Airport Chief Executive:the airport chief|Rail Union Leader:"
            "the union leader"
        ),
        "orgs": _p(
            "Transit Commission|Airline Pilots Association|Rail Workers’ Union|"
            "Road Safety Council|Port Authority"
        ),
        "things": _p(
            "the subway extension|fare increases|the high-speed rail line|"
            "the highway widening|the airport expansion|the ferry contract|"
            "congestion pricing|the e-scooter pilot|the bus rapid transit lanes|"
            "the rail strike|the bridge replacement|the cycling network"
        ),
        "stats": _p("ridership|flight delays|commute times|freight rail volumes|road deaths"),
        "who": _p("commuters|cyclists|truckers|airline passengers|rail workers|suburbs"),
    },
    "education": {
        "section": _p("Education|Local|Politics"),
        "roles": _p(
            "Education Minister:the minister|School Board Chair:the board chair|"
            "University President:the university president|Teachers’ Federation "
            "President:the union president"
        ),
        "orgs": _p("Teachers’ Federation|School Board|Student Union|Universities Council|Parents’ Network"),
        "things": _p(
            "the tuition freeze|class sizes|the school meal program|"
            "the international student cap|the cellphone ban|the curriculum overhaul|"
            "teacher bargaining|the child care deal|portable classrooms|"
            "student loan forgiveness|the literacy strategy|school bus shortages"
        ),
        "stats": _p("enrolment|graduation rates|tuition fees|test scores|teacher vacancies"),
        "who": _p("students|teachers|parents|universities|colleges|rural schools"),
    },
    "technology": {
        "section": _p("Technology|Business|Science"),
        "roles": _p(
            "Innovation Minister:the minister|Privacy Commissioner:the commissioner|"
            "Startup Founder:the founder|Telecom Chief Executive:the chief executive"
        ),
        "orgs": _p(
            "Privacy Commission|Telecom Association|Tech Workers Coalition|"
            "Cybersecurity Centre|Broadband Council"
        ),
        "things": _p(
            "the online safety bill|the AI regulation|the data breach|"
            "rural broadband funding|the streaming levy|the semiconductor plant|"
            "the app store rules|the cybersecurity standard|the cloud contract|"
            "the digital ID plan|the news platform law|spectrum auction rules"
        ),
        "stats": _p("broadband speeds|venture funding|data breaches|cellphone bills|tech layoffs"),
        "who": _p("consumers|startups|rural users|children online|news publishers|developers"),
    },
    "agriculture": {
        "section": _p("Business|Local|Agriculture"),
        "roles": _p(
            "Agriculture Minister:the minister|Farmers’ Federation President:"
            "the federation president|Grain Growers Chair:the chair|"
            "Food Inspection Director:the director"
        ),
        "orgs": _p(
            "Farmers’ Federation|Grain Growers|Dairy Council|Food Inspection Agency|Cattle Association"
        ),
        "things": _p(
            "the canola tariffs|the drought aid|grocery prices|the dairy quota|"
            "the avian flu outbreak|fertilizer rules|the crop insurance program|"
            "seasonal worker visas|the beef recall|the grain transport backlog|"
            "the food labelling rules|the pesticide review"
        ),
        "stats": _p("crop yields|food inflation|farm incomes|grain exports|milk prices"),
        "who": _p("farmers|grocery shoppers|ranchers|food banks|dairy producers|migrant workers"),
    },
    "labour": {
        "section": _p("Business|Work|Politics"),
        "roles": _p(
            "Labour Minister:the minister|Union President:the union president|"
            "Chief Economist:the economist|Employers’ Council Chair:the chair"
        ),
        "orgs": _p(
            "Labour Congress|Postal Workers Union|Employers’ Council|Statistics Bureau|Gig Workers Alliance"
        ),
        "things": _p(
            "the minimum wage increase|the four-day week pilot|the postal strike|"
            "the gig worker law|back-to-work legislation|pension reform|"
            "the temporary foreign worker program|the layoffs|the pay equity rules|"
            "the right-to-disconnect law|the apprenticeship grant|employment insurance"
        ),
        "stats": _p("unemployment|wage growth|job vacancies|union membership|layoffs"),
        "who": _p("workers|employers|young workers|delivery drivers|retirees|hospitality staff"),
    },
    "defence": {
        "section": _p("World|Politics|National"),
        "roles": _p(
            "Defence Minister:the minister|Chief of Defence Staff:the general|"
            "Foreign Minister:the foreign minister|Security Analyst:the analyst"
        ),
        "orgs": _p(
            "Department of National Defence|NATO|Veterans’ Association|"
            "Coast Guard|Institute for Security Studies"
        ),
        "things": _p(
            "the defence spending target|the submarine purchase|the Arctic patrols|"
            "the fighter jet contract|the recruitment drive|the drone program|"
            "the military aid package|the base closures|the cyber command|"
            "the peacekeeping mission|the shipbuilding plan|the veterans’ benefits"
        ),
        "stats": _p("defence spending|recruitment|equipment delays|deployment numbers|procurement costs"),
        "who": _p("troops|veterans|allies|northern communities|shipyards|military families"),
    },
}

GENERIC_ROLES = _p(
    "an economist at {bank}:the economist|a professor at {uni}:the professor|"
    "the mayor of {city}:the mayor|a spokesperson for {org}:the spokesperson|"
    "a senior analyst at {bank}:the analyst|the premier of {region}:the premier"
)
BANKS = _p(
    "Northgate Bank|Harbour Capital|Meridian Securities|Lakeshore Financial|"
    "Pinecrest Economics|Atlas Research"
)
UNIS = _p(
    "McAllister University|the University of Westbrook|Lakehead Institute|"
    "Riverside College|Queen’s Polytechnic|the Eastern School of Policy"
)
CITIES = _p(
    "Ottawa|Toronto|Montreal|Vancouver|Calgary|Halifax|Winnipeg|Regina|Edmonton|Québec City|"
    "Hamilton|Windsor|Oshawa|Saskatoon|Victoria|Moncton|Thunder Bay|Sudbury|Kelowna|Kingston|"
    "Washington|London|Brussels|Geneva|Tokyo|Mexico City|Seoul|Canberra|Nairobi|Dublin"
)
REGIONS = _p(
    "Ontario|Quebec|Alberta|British Columbia|Nova Scotia|Manitoba|Saskatchewan|"
    "New Brunswick|Newfoundland and Labrador|Prince Edward Island"
)
OUTLETS = _p(
    "The Northern Ledger|Capital Daily|Harbour Post|CRBC News|The Prairie Observer|"
    "Metro Wire|The Lakeshore Times|National Courier|The Evening Standard-Gazette|"
    "Coastline Press|The Dominion Record|Riverbend Herald|Summit News Network|The Civic Report"
)
AGENCIES = _p("The Canadian Press|Reuters|AP|Getty Images|Bloomberg|AFP")

# Claim parts. {will}/{has}/{is} are inflected for direct (present) or reported (past) speech.
EFFECTS = _p(
    "hurt|help|protect|squeeze|reassure|shortchange|hit|benefit|burden|strand|"
    "shield|frustrate|raise costs for|cut costs for|create jobs for|leave behind|"
    "put pressure on|send the wrong signal to|open new markets for|buy time for"
)
ASSESSMENTS = _p(
    "a red flag|a turning point|a step in the right direction|a serious mistake|long overdue|"
    "a wake-up call|not good enough|a reckless gamble|a fair compromise|a broken promise|"
    "a sensible first step|dead on arrival|a real breakthrough|a distraction|a test of leadership|"
    "an insult to {who}|a lifeline for {who}|a slap in the face|the right call|a half measure"
)
TIMEFRAMES = _p(
    "by the end of the year|within months|before the summer|over the next decade|"
    "by next spring|in the coming weeks|before the next budget|for years to come|"
    "within two years|by 2030"
)
ACTIONS = _p(
    "failed to consult|rushed|mishandled|underfunded|delayed|ignored warnings about|"
    "quietly expanded|refused to review|overpromised on|botched the rollout of"
)
STANCES = _p(
    "will not accept|are ready to negotiate on|have serious concerns about|fully support|"
    "are reviewing|cannot afford to ignore|will keep fighting|are open to changes to|"
    "have been clear about|will not back down on"
)
OPENERS = _p(
    "Frankly,|Let me be clear:|At the end of the day,|Make no mistake,|Honestly,|Look,|"
    "To be blunt,|Right now,|For us,|In my view,"
)
CUES = _p(
    "said|told reporters|said in an interview|told a news conference|said on Twitter|"
    "wrote in a post|told a parliamentary committee|said at a briefing"
)
REPORT_VERBS = _p(
    "said|warned|argued|noted|insisted|cautioned|acknowledged|predicted|suggested|maintained|claimed|added"
)
CONTEXT = _p(
    "as negotiations enter a critical phase|amid growing pressure from {who}|"
    "after weeks of uncertainty|in a sharp reversal from earlier this year|"
    "days before a key vote|as critics called for an independent review|"
    "ahead of a meeting with provincial counterparts|as the deadline approaches|"
    "following a series of public consultations|while protesters gathered outside"
)
FURNITURE_TOP = _p("Advertisement|Share this article|Save|Gift this article|Comments")
FURNITURE_BOTTOM = _p(
    "Help us improve.|Sign up for our morning newsletter|Report an error|"
    "Advertisement|Follow us on social media|Comments are closed.|Share on Facebook"
)
MONTHS = _p("January|February|March|April|May|June|July|August|September|October|November|December")
MONTH_ABBR = _p("Jan.|Feb.|March|April|May|June|July|Aug.|Sept.|Oct.|Nov.|Dec.")
WEEKDAYS = _p("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
